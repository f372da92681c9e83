using System.Net;
using System.Text.RegularExpressions;

namespace MusicBlazor.Tests.Infrastructure;

/// <summary>
/// One browser posting the statically rendered account forms: it GETs the page (which sets the antiforgery cookie),
/// reads the form's hidden fields (the antiforgery token, the form name in _handler) and posts them with the fields.
/// </summary>
public sealed partial class AccountPagesClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(path);

    public async Task<string> GetPageAsync(string path)
    {
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Fills the form <paramref name="formName"/> of the page at <paramref name="path"/> and posts it there.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var page = await GetPageAsync(path);
        var form = FormElement().Matches(page).Select(m => m.Value)
            .SingleOrDefault(f => f.Contains($"name=\"_handler\" value=\"{formName}\""))
            ?? throw new InvalidOperationException($"{path} has no form named '{formName}'.");
        var hidden = HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (name, value) in fields)
        {
            hidden[name] = value;
        }

        return await http.PostAsync(path, new FormUrlEncodedContent(hidden));
    }

    public Task<HttpResponseMessage> LogInAsync(string email, string password) =>
        PostFormAsync("/Account/Login", "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    public Task<HttpResponseMessage> RegisterAsync(string email, string password) =>
        PostFormAsync("/Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

    public Task<HttpResponseMessage> ForgotPasswordAsync(string email) =>
        PostFormAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });

    public Task<HttpResponseMessage> ResendConfirmationAsync(string email) =>
        PostFormAsync("/Account/ResendEmailConfirmation", "resend-email-confirmation", new Dictionary<string, string> { ["Input.Email"] = email });

    public void Dispose() => http.Dispose();

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormElement();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();
}
