using MusicBlazor.Accounts;
using MusicBlazor.Tests.EndToEnd.Infrastructure;
using MusicBlazor.Tests.EndToEnd.Pages;

namespace MusicBlazor.Tests.EndToEnd.Flows;

/// <summary>A role change ends the old rights at once: in the tab that is open, and for the cookie it holds.</summary>
public sealed class StaleRightsFlowTests(BrowserFixture browser, AppServer server) : EndToEndTest(browser, server)
{
    [EndToEndFact]
    public Task ADemotedEditorsOpenAlbumFormAndTheirOldCookieLoseTheirRightsWithinASecond() => FlowAsync(async () =>
    {
        var editor = await Server.CreateAccountAsync(Roles.Editor);
        var artist = await Server.ArtistAsync("Stale Rights Ensemble");
        var path = $"/artists/{artist}/albums/new";
        var page = await OpenAsync(editor, path);

        await StaleRights.ExpectDemotionToEndRightsAsync(
            page, path, () => Server.ChangeRoleAsync(editor, Roles.User), async cookie => await (await NewContextAsync(cookie)).NewPageAsync());
    });
}
