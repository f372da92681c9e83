using MusicBlazor.Accounts.Email;

namespace MusicBlazor.Tests.Notifications.Email;

/// <summary>The app's mail delivery, except that the first <paramref name="failures"/> sends fail (a mail server that refuses).</summary>
public sealed class FailingDelivery(DevelopmentMailbox mailbox, int failures) : IMailDelivery
{
    private int _failuresLeft = failures;

    public int Attempts { get; private set; }

    public Task SendAsync(string to, string subject, string htmlBody)
    {
        Attempts++;
        return Interlocked.Decrement(ref _failuresLeft) >= 0
            ? throw new IOException("The mail server refused the connection.")
            : ((IMailDelivery)mailbox).SendAsync(to, subject, htmlBody);
    }
}
