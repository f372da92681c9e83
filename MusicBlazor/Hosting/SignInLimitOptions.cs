namespace MusicBlazor.Hosting;

/// <summary>
/// How many sign-in form posts (log in, register, password reset, confirmation mail, two-factor codes) are let through,
/// from one client address and for one account, per window. Bound from the "SignInLimits" section; these are the defaults.
/// </summary>
public sealed class SignInLimitOptions
{
    public const string Section = "SignInLimits";

    /// <summary>From one IP address (an IPv6 /64), all forms together: enough for a shared office connection.</summary>
    public SignInLimit PerAddress { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    /// <summary>
    /// For one e-mail address (or, on the two-factor pages, one user), all forms together. Above the lockout's five
    /// failures, so a mistyping person sees the lockout page first, and low enough that a mailbox gets at most six
    /// account e-mails per window.
    /// </summary>
    public SignInLimit PerAccount { get; set; } = new() { PermitLimit = 6, Window = TimeSpan.FromMinutes(15) };
}

public sealed class SignInLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}
