using System.Net;
using System.Text.RegularExpressions;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Accounts;

/// <summary>Failed log-ins lock an account (IdentityOptions.Lockout: five in a row, 15 minutes), with the app's default sign-in limits.</summary>
public sealed class LockoutTests(AccountPagesApp app) : IClassFixture<AccountPagesApp>
{
    private const string WrongPassword = "Wrong-password-1";

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountAndThenEvenTheRightOneIsRefused()
    {
        var email = await app.CreateAccountAsync();
        using var browser = app.NewClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var failed = await browser.LogInAsync(email, WrongPassword);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            Assert.Contains("Wrong e-mail or password. After 5 failed attempts in a row the account is locked for 15 minutes.", await failed.Content.ReadAsStringAsync());
        }

        using var fifth = await browser.LogInAsync(email, WrongPassword);
        Assert.Equal("/Account/Lockout", fifth.Headers.Location?.AbsolutePath);

        using var right = await browser.LogInAsync(email, AccountPagesApp.Password);
        Assert.Equal("/Account/Lockout", right.Headers.Location?.AbsolutePath);
        using var manage = await browser.GetAsync("/Account/Manage");
        Assert.Equal("/Account/Login", manage.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task TheLockoutPageSaysWhyAndForHowLong()
    {
        using var browser = app.NewClient();

        var text = Regex.Replace(await browser.GetPageAsync("/Account/Lockout"), @"\s+", " ");

        Assert.Contains("This account is locked. After 5 failed log-in attempts in a row an account is locked for 15 minutes: please try again after that.", text);
    }

    [Fact]
    public async Task TheRightPasswordBeforeTheFifthFailureStartsTheCountAgain()
    {
        var email = await app.CreateAccountAsync();
        using var browser = app.NewClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            (await browser.LogInAsync(email, WrongPassword)).Dispose();
        }

        using var right = await browser.LogInAsync(email, AccountPagesApp.Password);

        Assert.Equal("/", right.Headers.Location?.AbsolutePath);
        using var manage = await browser.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.OK, manage.StatusCode);
    }
}
