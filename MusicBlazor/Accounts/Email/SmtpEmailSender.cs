using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MusicBlazor.Accounts.Email;

/// <summary>
/// Sends account e-mails through the SMTP server of <see cref="SmtpOptions"/>, one connection per e-mail (they are rare).
/// Used only when a host is set; <see cref="EmailSettingsCheck"/> has made sure of the sender address at start-up.
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options, ILogger<SmtpEmailSender> logger) : AccountEmailSender
{
    protected override async Task SendAsync(string to, string subject, string htmlBody)
    {
        var settings = options.Value;
        using var message = Compose(settings, to, subject, htmlBody);
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host!, settings.Port, settings.Security);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "");
        }

        await client.SendAsync(message);
        logger.LogInformation("E-mail to {To} sent through {Host}: {Subject}", to, settings.Host, subject);
        try
        {
            await client.DisconnectAsync(quit: true);
        }
        catch (Exception ex)
        {
            // The server has accepted the e-mail: a failure now must not make a caller send it again.
            logger.LogWarning(ex, "Closing the connection to {Host} failed after it accepted the e-mail", settings.Host);
        }
    }

    internal static MimeMessage Compose(SmtpOptions settings, string to, string subject, string htmlBody)
    {
        var message = new MimeMessage { Subject = subject };
        message.From.Add(MailboxAddress.Parse(settings.From!));
        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new BodyBuilder { HtmlBody = htmlBody }.ToMessageBody();
        return message;
    }
}
