using Microsoft.Playwright;
using MusicBlazor.Accounts;
using MusicBlazor.Tests.EndToEnd.Infrastructure;
using MusicBlazor.Tests.EndToEnd.Pages;
using static Microsoft.Playwright.Assertions;

namespace MusicBlazor.Tests.EndToEnd.Cluster;

/// <summary>
/// Browsers through nginx (<c>deploy/nginx.conf</c>) in front of two servers on one PostgreSQL database. Each browser
/// is pinned to a server by nginx's cookie <c>musicblazor_server</c>, as nginx sets it on its first answer; the tests
/// set it first, to choose the server, and check it afterwards, as nginx keeps it on the server that answered.
/// </summary>
public sealed class ClusterFlowTests(BrowserFixture browser, ClusterServers cluster) : EndToEndTest<ClusterServers>(browser, cluster)
{
    private async Task<IPage> OpenOnAsync(string server)
    {
        var context = await NewContextAsync();
        await PinAsync(context, server);
        return await context.NewPageAsync();
    }

    private Task PinAsync(IBrowserContext context, string server) =>
        context.AddCookiesAsync([new Cookie { Name = "musicblazor_server", Value = server, Url = Server.BaseUrl }]);

    private static async Task<string?> PinnedServerAsync(IPage page) =>
        (await page.Context.CookiesAsync()).SingleOrDefault(c => c.Name == "musicblazor_server")?.Value;

    [ClusterFact]
    public Task AFollowerOnServerBSeesLiveTheAlbumAnEditorSavesOnServerA() => FlowAsync(async () =>
    {
        var artist = await Server.ArtistAsync("Two Rooms");
        var user = await Server.CreateAccountAsync();
        await Server.FollowAsync(user, artist);

        var follower = await OpenOnAsync("b");
        await LogInAsync(follower, user);
        await GoToAsync(follower, "/");
        var panel = new NotificationsPanel(follower);
        await panel.ExpectCountAsync(0);

        var editor = await OpenOnAsync("a");
        await LogInAsync(editor, AppServer.Editor);
        await GoToAsync(editor, $"/artists/{artist}/albums/new");
        var form = new AlbumFormPage(editor);
        await form.Name.FillAsync("Across the Hall");
        await form.YearReleased.FillAsync("2025");
        await form.Save.ClickAsync();

        await panel.ExpectCountAsync(1);
        await Expect(panel.Announcement).ToContainTextAsync("Across the Hall", new() { Timeout = LiveTimeout });
        Assert.Equal("b", await PinnedServerAsync(follower));
        Assert.Equal("a", await PinnedServerAsync(editor));
    });

    [ClusterFact]
    public Task ASignInMadeOnServerAIsValidOnServerB() => FlowAsync(async () =>
    {
        var user = await Server.CreateAccountAsync();
        var page = await OpenOnAsync("a");
        await LogInAsync(page, user);
        Assert.Equal("a", await PinnedServerAsync(page));

        await PinAsync(page.Context, "b");
        await page.GotoAsync("/Account/Manage");

        await Expect(page).ToHaveURLAsync($"{Server.BaseUrl}/Account/Manage");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();
        Assert.Equal("b", await PinnedServerAsync(page));
    });

    [ClusterFact]
    public Task ADemotedEditorsTabOnServerBAndTheirOldCookieLoseTheirRightsWithinASecondOfAChangeOnServerA() => FlowAsync(async () =>
    {
        var editor = await Server.CreateAccountAsync(Roles.Editor);
        var artist = await Server.ArtistAsync("Stale Rights Elsewhere");
        var path = $"/artists/{artist}/albums/new";
        var page = await OpenOnAsync("b");
        await LogInAsync(page, editor);
        await GoToAsync(page, path);

        // Server.ChangeRoleAsync acts on server a; the old cookie carries the pin to b.
        await StaleRights.ExpectDemotionToEndRightsAsync(
            page, path, () => Server.ChangeRoleAsync(editor, Roles.User), async cookie => await (await NewContextAsync(cookie)).NewPageAsync());
        Assert.Equal("b", await PinnedServerAsync(page));
    });
}
