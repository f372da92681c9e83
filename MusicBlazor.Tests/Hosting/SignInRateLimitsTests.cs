using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MusicBlazor.Accounts;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Hosting;

/// <summary>
/// The sign-in forms' posts pass a limit per client address and one per account (SignInLimits, set low here: five
/// per address, two per account, per ten minutes); past either the answer is 429 with Retry-After and a page saying
/// when to try again. Page views are not limited.
/// </summary>
public sealed partial class SignInRateLimitsTests(SignInRateLimitsTests.LowLimitsApp app) : IClassFixture<SignInRateLimitsTests.LowLimitsApp>
{
    private static string NewAddress() => $"someone-{Guid.NewGuid():N}@example.test";

    [Fact]
    public async Task AnAddressIsRefusedPastItsLimitWithAPageSayingWhenToTryAgain()
    {
        using var browser = app.NewClient();
        for (var attempt = 1; attempt <= LowLimitsApp.PerAddress; attempt++)
        {
            using var allowed = await browser.LogInAsync(NewAddress(), "Wrong-password-1");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await browser.LogInAsync(NewAddress(), "Wrong-password-1");

        await AssertTooManyAttemptsAsync(refused);
        using var view = await browser.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        using var elsewhere = app.NewClient();
        using var otherAddress = await elsewhere.LogInAsync(NewAddress(), "Wrong-password-1");
        Assert.Equal(HttpStatusCode.OK, otherAddress.StatusCode);
    }

    [Fact]
    public async Task AnAccountIsRefusedPastItsLimitFromAnyAddressAndOnlyThatAccount()
    {
        var victim = await app.CreateAccountAsync();
        for (var attempt = 1; attempt <= LowLimitsApp.PerAccount; attempt++)
        {
            using var browser = app.NewClient();
            using var allowed = await browser.ForgotPasswordAsync(victim);
            Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        }

        using var another = app.NewClient();
        using var refused = await another.ResendConfirmationAsync(victim.ToUpperInvariant());
        using var someoneElse = await another.ForgotPasswordAsync(NewAddress());

        await AssertTooManyAttemptsAsync(refused);
        Assert.Equal(HttpStatusCode.Redirect, someoneElse.StatusCode);
        Assert.Equal(LowLimitsApp.PerAccount, app.Mailbox.Messages.Count(mail => mail.To == victim));
    }

    [Fact]
    public async Task TheTwoFactorPagesCountPerUser()
    {
        var email = await app.CreateAccountAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("No account.");
            (await users.ResetAuthenticatorKeyAsync(user)).ThrowIfFailed();
            (await users.SetTwoFactorEnabledAsync(user, true)).ThrowIfFailed();
        }

        using var browser = app.NewClient();
        using var password = await browser.LogInAsync(email, AccountPagesApp.Password);
        Assert.Equal("/Account/LoginWith2fa", password.Headers.Location?.AbsolutePath);
        for (var attempt = 1; attempt <= LowLimitsApp.PerAccount; attempt++)
        {
            using var allowed = await PostCodeAsync(browser);
            Assert.Contains("Invalid authenticator code.", await allowed.Content.ReadAsStringAsync());
        }

        await AssertTooManyAttemptsAsync(await PostCodeAsync(browser));
        await AssertTooManyAttemptsAsync(await browser.PostFormAsync("/Account/LoginWithRecoveryCode", "login-with-recovery-code",
            new Dictionary<string, string> { ["Input.RecoveryCode"] = "AAAAA-BBBBB" }));
    }

    private static Task<HttpResponseMessage> PostCodeAsync(AccountPagesClient browser) =>
        browser.PostFormAsync("/Account/LoginWith2fa", "login-with-2fa", new Dictionary<string, string> { ["Input.TwoFactorCode"] = "000000" });

    private static async Task AssertTooManyAttemptsAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            var retryAfter = response.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("No Retry-After header in seconds.");
            Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), LowLimitsApp.Window);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            var page = await response.Content.ReadAsStringAsync();
            Assert.Contains("<h1>Too many attempts</h1>", page);
            var wait = TryAgainIn().Match(page);
            Assert.True(wait.Success, "the page says when to try again");
            Assert.InRange(int.Parse(wait.Groups["minutes"].Value), 1, (int)LowLimitsApp.Window.TotalMinutes);
        }
    }

    [GeneratedRegex("Please try again in <strong>(?<minutes>\\d+) minutes?</strong>")]
    private static partial Regex TryAgainIn();

    public sealed class LowLimitsApp : AccountPagesApp
    {
        public const int PerAddress = 5;
        public const int PerAccount = 2;
        public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["SignInLimits:PerAddress:PermitLimit"] = PerAddress.ToString(),
            ["SignInLimits:PerAddress:Window"] = Window.ToString(),
            ["SignInLimits:PerAccount:PermitLimit"] = PerAccount.ToString(),
            ["SignInLimits:PerAccount:Window"] = Window.ToString(),
        };
    }
}
