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

        await OutlastTheCircuitAsync(page, link);

        await Expect(panel.Popup).ToBeVisibleAsync();
        await Expect(list.Search).ToHaveValueAsync("resume");
        await Expect(list.ArtistNames).ToHaveTextAsync(["Resume Alpha", "Resume Beta"]);
        // Live again: the resumed circuit answers a click.
        await panel.Bell.ClickAsync();
        await Expect(panel.Popup).ToHaveCountAsync(0);
    });

    [EndToEndFact]
    public Task AnAlbumFormKeepsItsUnsavedInputAfterTheServerDroppedTheCircuit() => FlowAsync(async () =>
    {
        var artist = await Server.ArtistAsync("Resume Delta");
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await LogInAsync(page, AppServer.Editor);
        var link = await CircuitLink.RouteAsync(page);
        await GoToAsync(page, $"/artists/{artist}/albums/new");
        var form = new AlbumFormPage(page);
        await form.Name.FillAsync("Half Written");
        await form.YearReleased.FillAsync("2021");
        await form.AddTrackAsync("Unsaved Opening", "3:05");
        await form.Durations.First.BlurAsync();
        await page.EvaluateAsync("() => window.__sameDocument = true");

        await OutlastTheCircuitAsync(page, link);

        await Expect(form.Name).ToHaveValueAsync("Half Written");
        await Expect(form.YearReleased).ToHaveValueAsync("2021");
        await Expect(form.TrackNames).ToHaveCountAsync(1);
        await Expect(form.TrackNames.First).ToHaveValueAsync("Unsaved Opening");
        await Expect(form.Durations.First).ToHaveValueAsync("3:05");
        // The resumed circuit saves what was restored.
        await form.Save.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Half Written" })).ToBeVisibleAsync();
    });

    private static async Task OutlastTheCircuitAsync(IPage page, CircuitLink link)
    {
        var reconnecting = page.Locator("#components-reconnect-modal");
        await link.CutAsync();
        await Expect(reconnecting).ToBeVisibleAsync();
        await Task.Delay(Outage);
        link.Restore();
        await Expect(reconnecting).ToBeHiddenAsync(new() { Timeout = 30_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded instead of resumed");
        Assert.True(link.Connections > 1, "the client never connected again");
    }
}
