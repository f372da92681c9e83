using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using MusicBlazor.Accounts.Email;
using MusicBlazor.Hosting;

namespace MusicBlazor.Tests.Hosting;

/// <summary>Start-up asks for App:PublicBaseUrl only where e-mails with links really go out.</summary>
public sealed class PublicBaseUrlCheckTests
{
    private static readonly SmtpOptions Server = new() { Host = "smtp.example.test", From = "no-reply@example.test" };

    [Fact]
    public void ProductionSendingEMailsNeedsIt() =>
        Assert.Contains("App:PublicBaseUrl is not set", Check(Environments.Production, Server, null).FailureMessage);

    [Theory]
    [InlineData("Development", "smtp.example.test")]
    [InlineData("Production", null)]
    public void DevelopmentOrNoMailServerDoesWithout(string environment, string? host) =>
        Assert.True(Check(environment, new SmtpOptions { Host = host, From = Server.From }, null).Succeeded);

    [Theory]
    [InlineData("music.example.com")]
    [InlineData("ftp://music.example.com/")]
    public void ASetValueMustBeAnAbsoluteWebAddress(string url) =>
        Assert.Contains("must be an absolute http or https address", Check(Environments.Development, Server, url).FailureMessage);

    [Fact]
    public void LinksKeepTheBasesPath() =>
        Assert.Equal("https://example.com/music/unsubscribe?token=x",
            new PublicBaseUrl(Options.Create(new PublicUrlOptions { PublicBaseUrl = "https://example.com/music" }), EmptyServices.Instance).To("unsubscribe?token=x"));

    private static ValidateOptionsResult Check(string environment, SmtpOptions smtp, string? url) =>
        new PublicBaseUrlCheck(new HostingEnvironment { EnvironmentName = environment }, Options.Create(smtp))
            .Validate(null, new PublicUrlOptions { PublicBaseUrl = url });

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
