namespace MusicBlazor.Accounts;

/// <summary>Account e-mails that Identity's <c>IEmailSender</c> has no method for.</summary>
public interface IAccountNotices
{
    /// <summary>
    /// Tells the owner of <paramref name="email"/> that someone tried to register it again. The register page answers
    /// that attempt exactly as it answers a new address, so only the owner learns that the account exists.
    /// </summary>
    Task SendRegistrationAttemptAsync(ApplicationUser user, string email, string logInLink, string forgotPasswordLink);
}
