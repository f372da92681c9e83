using Microsoft.Playwright;
using MusicBlazor.Tests.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MusicBlazor.Tests.EndToEnd.Flows;

/// <summary>The Content-Security-Policy (Hosting/SecurityHeaders.cs, in every environment) blocks nothing the app itself does.</summary>
public sealed class ContentSecurityPolicyFlowTests(BrowserFixture browser, AppServer server) : EndToEndTest(browser, server)
{
    [EndToEndFact]
    public Task TheLogInPageArtistsAnArtistAndTheAlbumFormRunWithoutAViolation() => FlowAsync(async () =>
    {
        var artist = await Server.ArtistAsync("Strict Policies");
        var context = await NewContextAsync();
        // Playwright's init scripts are exempt from the page's policy, so this listener sees every violation.
        await context.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => " +
            "console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`))");
        var page = await context.NewPageAsync();
        // Chromium also reports each one itself ("Refused to … because it violates the following Content Security Policy directive").
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.StartsWith("CSP violation") || message.Text.Contains("Content Security Policy"))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };

        await LogInAsync(page, AppServer.Editor);
        await GoToAsync(page, "/");
        await GoToAsync(page, $"/artists/{artist}");
        await GoToAsync(page, $"/artists/{artist}/albums/new");
        await Expect(page.GetByLabel("Year released")).ToBeVisibleAsync();

        // The inline scripts ran: the theme script's API exists and Blazor started a circuit (pages render only then).
        Assert.True(await page.EvaluateAsync<bool>("typeof window.musicBlazorTheme?.choose === 'function'"));
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    });
}
