using Microsoft.AspNetCore.Identity;

namespace MusicBlazor.Accounts.Email;

/// <summary>The account e-mails Identity asks for, written once; the subclasses only deliver them.</summary>
public abstract class AccountEmailSender : IEmailSender<ApplicationUser>
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        SendAsync(email, "Confirm your MusicBlazor account", $"Please confirm your account by <a href=\"{confirmationLink}\">clicking here</a>.");

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        SendAsync(email, "Reset your MusicBlazor password", $"Please reset your password by <a href=\"{resetLink}\">clicking here</a>.");

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        SendAsync(email, "Reset your MusicBlazor password", $"Please reset your password using the following code: {resetCode}");

    /// <param name="htmlBody">Links arrive HTML-encoded from Identity's pages.</param>
    protected abstract Task SendAsync(string to, string subject, string htmlBody);
}
