namespace MusicBlazor.Accounts.Email;

/// <summary>
/// Delivers one e-mail through the app's sender (SMTP, or the development mailbox): for e-mails that are not
/// Identity's account e-mails, such as the follower e-mails, which compose their own text.
/// </summary>
public interface IMailDelivery
{
    /// <param name="htmlBody">Already HTML: the caller encodes what it puts in.</param>
    Task SendAsync(string to, string subject, string htmlBody);
}
