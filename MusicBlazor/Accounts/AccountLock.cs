namespace MusicBlazor.Accounts;

/// <summary>
/// The two kinds of lock an account can have. An admin locks it indefinitely (<see cref="ByAdmin"/>), which closes it:
/// its sessions end. Too many failed log-ins lock it for a while (IdentityOptions.Lockout), which only stops new
/// log-ins: otherwise anyone could end a signed-in person's live views by mistyping their password five times.
/// </summary>
public static class AccountLock
{
    public static readonly DateTimeOffset ByAdmin = DateTimeOffset.MaxValue;

    public static bool IsClosedByAdmin(DateTimeOffset? lockoutEnd) => lockoutEnd == ByAdmin;
}
