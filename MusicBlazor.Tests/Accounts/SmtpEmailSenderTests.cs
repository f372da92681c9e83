using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using MusicBlazor.Accounts;
using MusicBlazor.Accounts.Email;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Accounts;

public sealed class SmtpEmailSenderTests
{
    [Fact]
    public async Task AConfirmationLinkArrivesAsAnHtmlEmailFromTheConfiguredSender()
    {
        await using var server = new SmtpSink();
        var sender = new SmtpEmailSender(Options.Create(new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = server.Port,
            Security = SecureSocketOptions.None,
            From = "MusicBlazor <no-reply@musicblazor.test>",
        }), NullLogger<SmtpEmailSender>.Instance);
        const string link = "https://musicblazor.example/Account/ConfirmEmail?userId=1&amp;code=abc";

        await sender.SendConfirmationLinkAsync(new ApplicationUser(), "newcomer@example.test", link);

        var mail = await server.NextAsync();
        Assert.Equal("no-reply@musicblazor.test", mail.MailFrom);
        Assert.Equal(["newcomer@example.test"], mail.Recipients);
        var from = Assert.IsType<MailboxAddress>(Assert.Single(mail.Message.From));
        Assert.Equal(("MusicBlazor", "no-reply@musicblazor.test"), (from.Name, from.Address));
        Assert.Equal("newcomer@example.test", Assert.IsType<MailboxAddress>(Assert.Single(mail.Message.To)).Address);
        Assert.Equal("Confirm your MusicBlazor account", mail.Message.Subject);
        Assert.Contains($"<a href=\"{link}\">clicking here</a>", mail.Message.HtmlBody);
    }
}
