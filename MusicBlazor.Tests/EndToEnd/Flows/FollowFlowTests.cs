using MusicBlazor.Tests.EndToEnd.Infrastructure;
using MusicBlazor.Tests.EndToEnd.Pages;
using static Microsoft.Playwright.Assertions;

namespace MusicBlazor.Tests.EndToEnd.Flows;

public sealed class FollowFlowTests(BrowserFixture browser, AppServer server) : EndToEndTest(browser, server)
{
    [EndToEndFact]
    public Task FollowingFlipsTheButtonCountsTheFollowerAndSurvivesAReload() => FlowAsync(async () =>
    {
        var artist = await Server.ArtistAsync("Steady Pulse");
        var page = await OpenAsync(await Server.CreateAccountAsync(), $"/artists/{artist}");
        var artistPage = new ArtistDetailsPage(page);
        await Expect(artistPage.Followers).ToHaveTextAsync("0 followers");

        await artistPage.Follow.ClickAsync();

        await Expect(artistPage.Unfollow).ToBeVisibleAsync();
        await Expect(artistPage.Followers).ToHaveTextAsync("1 follower");
        await page.ReloadAsync();
        await Expect(artistPage.Unfollow).ToBeVisibleAsync();
        await Expect(artistPage.Followers).ToHaveTextAsync("1 follower");
    });

    [EndToEndFact]
    public Task AnotherUsersFollowChangesTheCountOnAnOpenArtistPage() => FlowAsync(async () =>
    {
        var artist = await Server.ArtistAsync("Crowd Pleaser");
        var watcher = new ArtistDetailsPage(await OpenAsync(await Server.CreateAccountAsync(), $"/artists/{artist}"));
        await Expect(watcher.Followers).ToHaveTextAsync("0 followers");

        var fan = new ArtistDetailsPage(await OpenAsync(await Server.CreateAccountAsync(), $"/artists/{artist}"));
        await fan.Follow.ClickAsync();

        await Expect(watcher.Followers).ToHaveTextAsync("1 follower", new() { Timeout = LiveTimeout });
        await Expect(watcher.Follow).ToBeVisibleAsync();
    });
}
