using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using MusicBlazor.Accounts.Email;

namespace MusicBlazor.Tests.Accounts;

public sealed class EmailSettingsCheckTests
{
    [Fact]
    public void DevelopmentWithoutAServerUsesTheMailbox() =>
        Assert.True(Check(Environments.Development, new SmtpOptions()).Succeeded);

    [Fact]
    public void ProductionWithoutAServerNamesWhatIsMissing() =>
        Assert.Contains("Missing: Email:Smtp:Host, Email:Smtp:From.", Check(Environments.Production, new SmtpOptions()).FailureMessage);

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public void AServerNeedsASenderAndALoginNeedsAPassword(string environment) =>
        Assert.Contains("Missing: Email:Smtp:From, Email:Smtp:Password.",
            Check(environment, new SmtpOptions { Host = "smtp.example.test", UserName = "mailer" }).FailureMessage);

    [Theory]
    [InlineData("no-reply")]
    [InlineData("MusicBlazor <no-reply")]
    [InlineData("a@b, c@d")]
    public void TheSenderMustBeOneAddress(string from) =>
        Assert.Contains("Email:Smtp:From is not an e-mail address",
            Check(Environments.Production, new SmtpOptions { Host = "smtp.example.test", From = from }).FailureMessage);

    [Fact]
    public void AWholeServerPasses() =>
        Assert.True(Check(Environments.Production, new SmtpOptions { Host = "smtp.example.test", From = "no-reply@example.test" }).Succeeded);

    private static Microsoft.Extensions.Options.ValidateOptionsResult Check(string environment, SmtpOptions options) =>
        new EmailSettingsCheck(new HostingEnvironment { EnvironmentName = environment }).Validate(null, options);
}
