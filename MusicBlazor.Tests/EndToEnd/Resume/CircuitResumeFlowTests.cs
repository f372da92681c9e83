using Microsoft.Playwright;
using MusicBlazor.Tests.EndToEnd.Infrastructure;
using MusicBlazor.Tests.EndToEnd.Pages;
using static Microsoft.Playwright.Assertions;

namespace MusicBlazor.Tests.EndToEnd.Resume;

/// <summary>
/// The network drops for longer than the server keeps a disconnected circuit. .NET 10's client then resumes a new
/// circuit from the state the server persisted, instead of reloading the page.
/// </summary>
public sealed class CircuitResumeFlowTests(BrowserFixture browser, ShortRetentionAppServer server)
    : EndToEndTest<ShortRetentionAppServer>(browser, server)
{
    private static readonly TimeSpan Outage = ShortRetentionAppServer.Retention * 4;

    [EndToEndFact]
    public Task TheArtistListAndTheOpenPanelComeBackAfterTheServerDroppedTheCircuit() => FlowAsync(async () =>
    {
        foreach (var name in new[] { "Resume Alpha", "Resume Beta", "Other Gamma" })
        {
            await Server.ArtistAsync(name);
        }

        var user = await Server.CreateAccountAsync();
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await LogInAsync(page, user);
        var link = await CircuitLink.RouteAsync(page);
        await GoToAsync(page, "/?q=resume&sort=name");
        var list = new ArtistListPage(page);
        await Expect(list.ArtistNames).ToHaveTextAsync(["Resume Alpha", "Resume Beta"]);
        var panel = new NotificationsPanel(page);
        await panel.ExpectCountAsync(0);
        await panel.OpenAsync();
        await page.EvaluateAsync("() => window.__sameDocument = true");

        var reconnecting = page.Locator("#components-reconnect-modal");
        await link.CutAsync();
        await Expect(reconnecting).ToBeVisibleAsync();
        await Task.Delay(Outage);
        link.Restore();
        await Expect(reconnecting).ToBeHiddenAsync(new() { Timeout = 30_000 });

        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded instead of resumed");
        Assert.True(link.Connections > 1, "the client never connected again");
        await Expect(panel.Popup).ToBeVisibleAsync();
        await Expect(list.Search).ToHaveValueAsync("resume");
        await Expect(list.ArtistNames).ToHaveTextAsync(["Resume Alpha", "Resume Beta"]);
        // Live again: the resumed circuit answers a click.
        await panel.Bell.ClickAsync();
        await Expect(panel.Popup).ToHaveCountAsync(0);
    });
}
