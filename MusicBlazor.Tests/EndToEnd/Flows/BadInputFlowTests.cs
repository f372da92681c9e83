using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MusicBlazor.Tests.EndToEnd.Infrastructure;
using MusicBlazor.Tests.EndToEnd.Pages;
using static Microsoft.Playwright.Assertions;

namespace MusicBlazor.Tests.EndToEnd.Flows;

public sealed class BadInputFlowTests(BrowserFixture browser, AppServer server) : EndToEndTest(browser, server)
{
    [EndToEndFact]
    public Task AnOffSiteReturnUrlStillLogsInAndLandsOnTheHomePage() => FlowAsync(async () =>
    {
        foreach (var returnUrl in new[] { "https://example.org", "//example.org", "/\\example.org" })
        {
            var page = await (await NewContextAsync()).NewPageAsync();
            await page.GotoAsync($"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
            await page.GetByLabel("Email").FillAsync(AppServer.User);
            await page.GetByLabel("Password").FillAsync(AppServer.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Artists", Level = 1 })).ToBeVisibleAsync();
            Assert.Equal(new Uri(Server.BaseUrl).Authority, new Uri(page.Url).Authority);
            Assert.Equal("/", new Uri(page.Url).PathAndQuery);
        }
    });

    [EndToEndFact]
    public Task AReturnUrlOnThisSiteIsWhereTheLogInLands() => FlowAsync(async () =>
    {
        var artist = await Server.ArtistAsync("Homecoming");
        var page = await (await NewContextAsync()).NewPageAsync();
        await page.GotoAsync($"/Account/Login?ReturnUrl={Uri.EscapeDataString($"artists/{artist}")}");
        await page.GetByLabel("Email").FillAsync(AppServer.User);
        await page.GetByLabel("Password").FillAsync(AppServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Homecoming", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal($"/artists/{artist}", new Uri(page.Url).PathAndQuery);
    });

    [EndToEndFact]
    public Task AMalformedPageNumberInTheUrlShowsTheFirstPage() => FlowAsync(async () =>
    {
        await Server.ArtistAsync("Nova Lights");
        foreach (var path in new[] { "/?page=abc", "/?page=99999999999", "/?page=2147483648&sort=nonsense" })
        {
            var page = await OpenAsync(null, path);

            // Other tests of this class add artists too.
            await Expect(new ArtistListPage(page).ArtistNames.Filter(new() { HasText = "Nova Lights" })).ToHaveCountAsync(1);
            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(path) + "$"));
        }
    });

    [EndToEndFact]
    public Task AMangledPasswordResetLinkSaysItIsInvalid() => FlowAsync(async () =>
    {
        var page = await (await NewContextAsync()).NewPageAsync();

        var response = await page.GotoAsync("/Account/ResetPassword?code=%25%25%25");

        Assert.True(response!.Ok, $"HTTP {response.Status}");
        await Expect(page.GetByText("The password reset link is invalid.")).ToBeVisibleAsync();
    });
}
