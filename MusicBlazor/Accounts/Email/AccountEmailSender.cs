using Microsoft.AspNetCore.Identity;

namespace MusicBlazor.Accounts.Email;

/// <summary>The account e-mails Identity asks for, and the app's own notices, written once; the subclasses only deliver them.</summary>
public abstract class AccountEmailSender : IEmailSender<ApplicationUser>, IAccountNotices, IMailDelivery
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        SendAsync(email, "Confirm your MusicBlazor account", $"Please confirm your account by <a href=\"{confirmationLink}\">clicking here</a>.");

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        SendAsync(email, "Reset your MusicBlazor password", $"Please reset your password by <a href=\"{resetLink}\">clicking here</a>.");

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        SendAsync(email, "Reset your MusicBlazor password", $"Please reset your password using the following code: {resetCode}");

    public Task SendRegistrationAttemptAsync(ApplicationUser user, string email, string logInLink, string forgotPasswordLink) =>
        SendAsync(email, "Someone tried to register your MusicBlazor account again",
            "Someone, maybe you, tried to create a MusicBlazor account with this e-mail address, which already has one. " +
            $"If it was you, <a href=\"{logInLink}\">log in</a>, or <a href=\"{forgotPasswordLink}\">reset your password</a> if you forgot it. " +
            "If it was not you, you can ignore this e-mail: nothing was changed.");

    Task IMailDelivery.SendAsync(string to, string subject, string htmlBody) => SendAsync(to, subject, htmlBody);

    /// <param name="htmlBody">Links arrive HTML-encoded from Identity's pages.</param>
    protected abstract Task SendAsync(string to, string subject, string htmlBody);
}
