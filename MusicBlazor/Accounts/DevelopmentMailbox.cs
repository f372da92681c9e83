using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;

namespace MusicBlazor.Accounts;

public sealed record MailMessage(DateTimeOffset SentAt, string To, string Subject, string HtmlBody);

/// <summary>
/// The development e-mail sink: account e-mails (confirmation, password reset, notices) are kept here and shown at
/// /dev/mailbox instead of being sent. Replace it with a real <see cref="IEmailSender{TUser}"/> and
/// <see cref="IAccountNotices"/> in production.
/// </summary>
public sealed class DevelopmentMailbox(TimeProvider clock, ILogger<DevelopmentMailbox> logger) : IEmailSender<ApplicationUser>, IAccountNotices
{
    private const int Capacity = 200;
    private readonly ConcurrentQueue<MailMessage> _messages = new();

    public IReadOnlyList<MailMessage> Messages => _messages.Reverse().ToList();

    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        Send(email, "Confirm your MusicBlazor account", $"Please confirm your account by <a href=\"{confirmationLink}\">clicking here</a>.");

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        Send(email, "Reset your MusicBlazor password", $"Please reset your password by <a href=\"{resetLink}\">clicking here</a>.");

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        Send(email, "Reset your MusicBlazor password", $"Please reset your password using the following code: {resetCode}");

    public Task SendRegistrationAttemptAsync(ApplicationUser user, string email, string logInLink, string forgotPasswordLink) =>
        Send(email, "Someone tried to register your MusicBlazor account again",
            "Someone, maybe you, tried to create a MusicBlazor account with this e-mail address, which already has one. " +
            $"If it was you, <a href=\"{logInLink}\">log in</a>, or <a href=\"{forgotPasswordLink}\">reset your password</a> if you forgot it. " +
            "If it was not you, you can ignore this e-mail: nothing was changed.");

    private Task Send(string to, string subject, string htmlBody)
    {
        _messages.Enqueue(new MailMessage(clock.GetUtcNow(), to, subject, htmlBody));
        while (_messages.Count > Capacity && _messages.TryDequeue(out _))
        {
        }

        logger.LogInformation("E-mail to {To} kept in the development mailbox (/dev/mailbox): {Subject}", to, subject);
        return Task.CompletedTask;
    }
}
