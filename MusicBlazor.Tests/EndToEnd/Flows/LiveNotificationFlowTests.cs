using Microsoft.Playwright;
using MusicBlazor.Tests.EndToEnd.Infrastructure;
using MusicBlazor.Tests.EndToEnd.Pages;
using static Microsoft.Playwright.Assertions;

namespace MusicBlazor.Tests.EndToEnd.Flows;

public sealed class LiveNotificationFlowTests(BrowserFixture browser, AppServer server) : EndToEndTest(browser, server)
{
    [EndToEndFact]
    public Task AnEditorsNewAlbumReachesTheFollowerWithoutAReload() => FlowAsync(async () =>
    {
        var artist = await Server.ArtistAsync("Live Wire Collective");
        var user = await Server.CreateAccountAsync();
        await Server.FollowAsync(user, artist);
        var follower = await OpenAsync(user, "/");
        var panel = new NotificationsPanel(follower);
        await panel.ExpectCountAsync(0);

        var editor = await OpenAsync(AppServer.Editor, $"/artists/{artist}/albums/new");
        var form = new AlbumFormPage(editor);
        await form.Name.FillAsync("Midnight Relay");
        await form.YearReleased.FillAsync("2024");
        await form.Save.ClickAsync();

        await panel.ExpectCountAsync(1);
        await Expect(panel.Announcement).ToContainTextAsync("Midnight Relay", new() { Timeout = LiveTimeout });
        await Expect(follower).ToHaveTitleAsync("(1) Artists · MusicBlazor");
        await panel.OpenAsync();
        await Expect(panel.Items).ToHaveCountAsync(1);
        await Expect(panel.Items.First).ToContainTextAsync("Midnight Relay by Live Wire Collective");
        await Expect(panel.Items.First).ToContainTextAsync("just now");
    });

    [EndToEndFact]
    public Task DismissingInOneTabRemovesTheNotificationFromTheOthers() => FlowAsync(async () =>
    {
        var artist = await Server.ArtistAsync("Twin Tabs");
        var user = await Server.CreateAccountAsync();
        await Server.FollowAsync(user, artist);
        await Server.AlbumAsync(AppServer.Editor, artist, "First Tab Album");
        await Server.AlbumAsync(AppServer.Editor, artist, "Second Tab Album");
        await Server.AlbumAsync(AppServer.Editor, artist, "Third Tab Album");
        var firstTab = await OpenAsync(user, "/");
        var secondTab = await OpenTabAsync(firstTab, $"/artists/{artist}");
        var first = new NotificationsPanel(firstTab);
        var second = new NotificationsPanel(secondTab);
        await first.ExpectCountAsync(3);
        await second.ExpectCountAsync(3);

        await first.OpenAsync();
        await first.DismissAsync("Second Tab Album");

        await second.ExpectCountAsync(2);
        await second.OpenAsync();
        await Expect(second.Item("Second Tab Album")).ToHaveCountAsync(0);

        await second.DismissAllAsync();

        await first.ExpectCountAsync(0);
        await second.ExpectCountAsync(0);
        await Expect(first.Popup).ToContainTextAsync("No new notifications");
    });

    [EndToEndFact]
    public Task TheKeyboardOpensThePanelWithFocusInsideAndEscapeReturnsFocusToTheBell() => FlowAsync(async () =>
    {
        var user = await Server.CreateAccountAsync();
        var page = await OpenAsync(user, "/");
        var panel = new NotificationsPanel(page);
        await panel.ExpectCountAsync(0);

        await panel.Bell.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(panel.Popup).ToBeFocusedAsync();
        await Expect(panel.Popup).ToContainTextAsync("No new notifications");

        await page.Keyboard.PressAsync("Escape");
        await Expect(panel.Popup).ToHaveCountAsync(0);
        await Expect(panel.Bell).ToBeFocusedAsync();
        await Expect(panel.Bell).ToHaveAttributeAsync("aria-expanded", "false");
    });

    [EndToEndFact]
    public Task DeletingTheAlbumDropsItsNotificationLive() => FlowAsync(async () =>
    {
        var artist = await Server.ArtistAsync("Short Lived");
        var user = await Server.CreateAccountAsync();
        await Server.FollowAsync(user, artist);
        var album = await Server.AlbumAsync(AppServer.Editor, artist, "Gone Soon");
        var follower = await OpenAsync(user, "/");
        var panel = new NotificationsPanel(follower);
        await panel.ExpectCountAsync(1);

        var admin = await OpenAsync(AppServer.Admin, $"/artists/{artist}");
        var page = new ArtistDetailsPage(admin);
        await page.DeleteAlbum("Gone Soon").ClickAsync();
        await page.ConfirmAsync();

        await panel.ExpectCountAsync(0);
    });

    [EndToEndFact]
    public Task ANotificationCreatedWhileTheConnectionWasDownAppearsAfterReconnecting() => FlowAsync(async () =>
    {
        var artist = await Server.ArtistAsync("Flaky Signal");
        var user = await Server.CreateAccountAsync();
        await Server.FollowAsync(user, artist);
        var context = await NewContextAsync();
        var follower = await context.NewPageAsync();
        await LogInAsync(follower, user);
        IWebSocketRoute? circuit = null;
        await follower.RouteWebSocketAsync("**/_blazor**", ws =>
        {
            circuit = ws;
            ws.ConnectToServer();
        });
        await GoToAsync(follower, "/");
        var panel = new NotificationsPanel(follower);
        await panel.ExpectCountAsync(0);

        await circuit!.CloseAsync(new() { Code = 1006, Reason = "Connection lost" });
        await Server.AlbumAsync(AppServer.Editor, artist, "Back Online");

        await Expect(panel.Bell).ToHaveAccessibleNameAsync("Notifications (1)", new() { Timeout = 10_000 });
        await panel.OpenAsync();
        await Expect(panel.Items.First).ToContainTextAsync("Back Online");
    });
}
