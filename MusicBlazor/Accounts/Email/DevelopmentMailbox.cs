using System.Collections.Concurrent;

namespace MusicBlazor.Accounts.Email;

public sealed record MailMessage(DateTimeOffset SentAt, string To, string Subject, string HtmlBody);

/// <summary>
/// The development e-mail sink, used in Development when no SMTP server is configured: account e-mails are kept
/// here and shown at /dev/mailbox instead of being sent.
/// </summary>
public sealed class DevelopmentMailbox(TimeProvider clock, ILogger<DevelopmentMailbox> logger) : AccountEmailSender
{
    private const int Capacity = 200;
    private readonly ConcurrentQueue<MailMessage> _messages = new();

    public IReadOnlyList<MailMessage> Messages => _messages.Reverse().ToList();

    protected override Task SendAsync(string to, string subject, string htmlBody)
    {
        _messages.Enqueue(new MailMessage(clock.GetUtcNow(), to, subject, htmlBody));
        while (_messages.Count > Capacity && _messages.TryDequeue(out _))
        {
        }

        logger.LogInformation("E-mail to {To} kept in the development mailbox (/dev/mailbox): {Subject}", to, subject);
        return Task.CompletedTask;
    }
}
