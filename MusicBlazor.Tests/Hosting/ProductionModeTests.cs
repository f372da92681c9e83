using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MusicBlazor.Accounts;
using MusicBlazor.Accounts.Email;
using MusicBlazor.Data;

namespace MusicBlazor.Tests.Hosting;

/// <summary>
/// Production as an operator runs it: on Kestrel behind a reverse proxy on the same machine that terminates HTTPS
/// for <see cref="Site"/> and says so with X-Forwarded-Proto.
/// </summary>
public sealed partial class ProductionModeTests(ProductionModeTests.ProxiedServer server) : IClassFixture<ProductionModeTests.ProxiedServer>
{
    private const string Site = "musicblazor.example";

    [Fact]
    public async Task APageAllowsOnlyTheAppsOwnScriptsAndItsInlineScriptsByNonce()
    {
        using var response = await server.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var nonce = Nonce().Match(policy).Groups["nonce"].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"script-src 'self' 'nonce-{nonce}';", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        foreach (var directive in new[] { "default-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'" })
        {
            Assert.Contains(directive, policy);
        }

        var inlineScripts = InlineScript().Matches(html).Select(m => WebUtility.HtmlDecode(m.Value)).ToList();
        Assert.Equal(3, inlineScripts.Count); // the import map, the theme, Blazor.start
        Assert.All(inlineScripts, script => Assert.Contains($"nonce=\"{nonce}\"", script));
    }

    [Fact]
    public async Task EachResponseHasItsOwnNonce()
    {
        using var first = await server.GetAsync("/");
        using var second = await server.GetAsync("/");

        Assert.NotEqual(first.Headers.GetValues("Content-Security-Policy"), second.Headers.GetValues("Content-Security-Policy"));
    }

    [Fact]
    public async Task ResponsesDoNotSniffLeakReferrersOrNameTheServerAndKeepToHttps()
    {
        using var response = await server.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.False(response.Headers.Contains("Server"));
        Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task PlainHttpIsRedirectedToHttps()
    {
        using var response = await server.GetAsync("/artists?page=2", https: false);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal($"https://{Site}/artists?page=2", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task EveryCookieIsSecure()
    {
        using var response = await server.GetAsync("/Account/Login");

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery."));
        Assert.All(cookies, cookie => Assert.Contains("; secure", cookie));
    }

    [Fact]
    public async Task TheDevelopmentMailboxIsNotFound()
    {
        using var response = await server.GetAsync("/dev/mailbox");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Development mailbox", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task NoDemoAccountsAndNoDemoCatalog()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<MusicDbContext>>().CreateDbContextAsync();

        Assert.Equal(0, await users.Users.CountAsync());
        Assert.Equal(0, await db.Artists.CountAsync());
    }

    [Fact]
    public void AccountEmailsGoOutOverSmtp() =>
        Assert.IsType<SmtpEmailSender>(server.Services.GetRequiredService<IEmailSender<ApplicationUser>>());

    [Fact]
    public async Task WithoutAnSmtpServerTheAppDoesNotStartAndSaysWhichSettingsAreMissing()
    {
        await using var app = new ProductionAppWithoutEmail();

        var failure = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("Missing: Email:Smtp:Host, Email:Smtp:From.", failure.Message);
    }

    [GeneratedRegex("'nonce-(?<nonce>[^']+)'")]
    private static partial Regex Nonce();

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>")]
    private static partial Regex InlineScript();

    public sealed class ProxiedServer : ProductionApp
    {
        private readonly HttpClient _client;

        public ProxiedServer()
        {
            UseKestrel(0);
            StartServer();
            _client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
            {
                BaseAddress = ClientOptions.BaseAddress,
            };
        }

        protected override Dictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["https_port"] = "443"; // where the proxy takes HTTPS
            return settings;
        }

        /// <summary>A request as the proxy passes it on: for the public host name, over HTTPS unless <paramref name="https"/> is false.</summary>
        public Task<HttpResponseMessage> GetAsync(string path, bool https = true)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Host = Site;
            request.Headers.Add("X-Forwarded-Proto", https ? "https" : "http");
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
            return _client.SendAsync(request);
        }

        public override async ValueTask DisposeAsync()
        {
            _client.Dispose();
            await base.DisposeAsync();
        }
    }

    private sealed class ProductionAppWithoutEmail : ProductionApp
    {
        protected override Dictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings.Remove("Email:Smtp:Host");
            settings.Remove("Email:Smtp:From");
            return settings;
        }
    }
}
