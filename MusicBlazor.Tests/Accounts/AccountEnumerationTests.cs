using System.Net;
using System.Text.RegularExpressions;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Accounts;

/// <summary>
/// The account pages answer the same whether an e-mail address has an account or not, so that nobody can find out
/// which addresses do: same status, same redirect, same page, and the same work (a password hash checked) on log-in.
/// </summary>
public sealed partial class AccountEnumerationTests(AccountPagesApp app) : IClassFixture<AccountPagesApp>
{
    private const string NewPassword = "Newcomer-password-1";

    private static string NewAddress() => $"new-{Guid.NewGuid():N}@example.test";

    [Fact]
    public async Task RegisteringATakenAddressAnswersExactlyAsANewOne()
    {
        var taken = await app.CreateAccountAsync();
        var fresh = NewAddress();

        var (takenStatus, takenLocation, takenPage) = await RegisterAndFollowAsync(taken);
        var (freshStatus, freshLocation, freshPage) = await RegisterAndFollowAsync(fresh);

        Assert.Equal(HttpStatusCode.Redirect, takenStatus);
        Assert.Equal(freshStatus, takenStatus);
        Assert.Equal(freshLocation.Replace(Uri.EscapeDataString(fresh), "{email}"), takenLocation.Replace(Uri.EscapeDataString(taken), "{email}"));
        Assert.Equal(freshPage, takenPage);
        Assert.Contains("Please check your email to confirm your account.", takenPage);
        Assert.DoesNotContain("taken", takenPage, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheOwnerOfATakenAddressIsToldByEmailInsteadOfTheVisitor()
    {
        var taken = await app.CreateAccountAsync();
        using var browser = app.NewClient();

        using var response = await browser.RegisterAsync(taken, NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mail = Assert.Single(app.Mailbox.Messages, m => m.To == taken);
        Assert.Equal("Someone tried to register your MusicBlazor account again", mail.Subject);
        Assert.Contains("/Account/ForgotPassword", mail.HtmlBody);
    }

    [Fact]
    public async Task AWeakPasswordIsRefusedAlikeForATakenAndANewAddress()
    {
        var taken = await app.CreateAccountAsync();
        var fresh = NewAddress();
        using var first = app.NewClient();
        using var second = app.NewClient();

        using var takenResponse = await first.RegisterAsync(taken, "weakpassword");
        using var freshResponse = await second.RegisterAsync(fresh, "weakpassword");

        Assert.Equal(HttpStatusCode.OK, takenResponse.StatusCode);
        Assert.Equal(freshResponse.StatusCode, takenResponse.StatusCode);
        var takenPage = Normalize(await takenResponse.Content.ReadAsStringAsync(), taken);
        Assert.Equal(Normalize(await freshResponse.Content.ReadAsStringAsync(), fresh), takenPage);
        Assert.Contains("Passwords must have at least one uppercase", takenPage);
    }

    [Fact]
    public async Task TheRegisterConfirmationPageIsTheSameForAnyAddress()
    {
        var taken = await app.CreateAccountAsync();
        using var browser = app.NewClient();

        using var forTaken = await browser.GetAsync($"/Account/RegisterConfirmation?email={Uri.EscapeDataString(taken)}");
        using var forUnknown = await browser.GetAsync($"/Account/RegisterConfirmation?email={Uri.EscapeDataString(NewAddress())}");

        Assert.Equal(HttpStatusCode.OK, forTaken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, forUnknown.StatusCode);
        Assert.Equal(Normalize(await forUnknown.Content.ReadAsStringAsync()), Normalize(await forTaken.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task ForgotPasswordAndResendConfirmationAnswerAlikeForAnyAddress()
    {
        var taken = await app.CreateAccountAsync();
        var unknown = NewAddress();
        using var browser = app.NewClient();

        using var forgotTaken = await browser.ForgotPasswordAsync(taken);
        using var forgotUnknown = await browser.ForgotPasswordAsync(unknown);
        using var resendTaken = await browser.ResendConfirmationAsync(taken);
        using var resendUnknown = await browser.ResendConfirmationAsync(unknown);

        Assert.Equal(HttpStatusCode.Redirect, forgotTaken.StatusCode);
        Assert.Equal(forgotUnknown.StatusCode, forgotTaken.StatusCode);
        Assert.Equal(forgotUnknown.Headers.Location, forgotTaken.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, resendTaken.StatusCode);
        Assert.Equal(resendUnknown.StatusCode, resendTaken.StatusCode);
        Assert.Equal(Normalize(await resendUnknown.Content.ReadAsStringAsync(), unknown), Normalize(await resendTaken.Content.ReadAsStringAsync(), taken));
    }

    [Fact]
    public async Task AFailedLogInChecksAPasswordHashWhetherTheAccountExistsOrNot()
    {
        var existing = await app.CreateAccountAsync();
        var unconfirmed = NewAddress();
        using (var registration = app.NewClient())
        {
            (await registration.RegisterAsync(unconfirmed, NewPassword)).Dispose();
        }

        var checks = new Dictionary<string, int>();
        foreach (var (name, email) in new[] { ("existing", existing), ("unknown", NewAddress()), ("unconfirmed", unconfirmed) })
        {
            using var browser = app.NewClient();
            var before = app.PasswordHasher.Verifications;
            using var response = await browser.LogInAsync(email, "Wrong-password-1");
            checks[name] = app.PasswordHasher.Verifications - before;

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Wrong e-mail or password.", await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(new Dictionary<string, int> { ["existing"] = 1, ["unknown"] = 1, ["unconfirmed"] = 1 }, checks);
    }

    private async Task<(HttpStatusCode Status, string Location, string Page)> RegisterAndFollowAsync(string email)
    {
        using var browser = app.NewClient();
        using var response = await browser.RegisterAsync(email, NewPassword);
        var location = response.Headers.Location?.OriginalString ?? "";
        return (response.StatusCode, location, Normalize(await browser.GetPageAsync(location)));
    }

    /// <summary>
    /// A page without what differs on every request anyway (its antiforgery token, Blazor's encrypted component state)
    /// and without the address typed in.
    /// </summary>
    private static string Normalize(string page, string? email = null)
    {
        page = PerRequestSecret().Replace(page, "${name}");
        return email is null ? page : page.Replace(email, "{email}");
    }

    // Tokens, component state and the CSP nonce differ on every response, whoever asks.
    [GeneratedRegex("(?<name>__RequestVerificationToken\" value=\"|Blazor-Server-Component-State:| nonce=\").*?(?=\"|-->)")]
    private static partial Regex PerRequestSecret();
}
