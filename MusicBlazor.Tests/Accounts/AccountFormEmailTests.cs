using System.Net;
using System.Text.RegularExpressions;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Accounts;

/// <summary>Every signed-out form that takes an e-mail refuses "a@b" under the field, and does nothing with it.</summary>
public sealed partial class AccountFormEmailTests(AccountPagesApp app) : IClassFixture<AccountPagesApp>
{
    [Theory]
    [InlineData("/Account/Register", "register")]
    [InlineData("/Account/Login", "login")]
    [InlineData("/Account/ForgotPassword", "forgot-password")]
    [InlineData("/Account/ResendEmailConfirmation", "resend-email-confirmation")]
    public async Task AnAddressWithoutADotInItsDomainIsRefusedUnderTheField(string path, string form)
    {
        using var browser = app.NewClient();

        using var response = await browser.PostFormAsync(path, form, new Dictionary<string, string>
        {
            ["Input.Email"] = "a@b",
            ["Input.Password"] = AccountPagesApp.Password,
            ["Input.ConfirmPassword"] = AccountPagesApp.Password,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fieldError = FieldError().Match(await response.Content.ReadAsStringAsync());
        Assert.True(fieldError.Success, "the page has the e-mail field's error area");
        Assert.Contains("Email must be a full e-mail address, such as name@example.com.", fieldError.Value);
        Assert.DoesNotContain(app.Mailbox.Messages, mail => mail.To == "a@b");
    }

    [GeneratedRegex("<div id=\"Input.Email-error\" class=\"field-error\">.*?</div>", RegexOptions.Singleline)]
    private static partial Regex FieldError();
}
