using Bunit;
using MusicBlazor.Accounts;
using MusicBlazor.Components.Shared;
using MusicBlazor.Subscribers;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Components;

public sealed class RecentActivityFeedTests : ComponentTest
{
    private async Task<(Actor Admin, Actor Editor)> StartAsync()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        var editor = await App.CreateUserAsync(Roles.Editor);
        await App.StartSubscribersAndWaitAsync();
        return (admin, editor);
    }

    private static string[] Lines(IRenderedComponent<RecentActivityFeed> feed) =>
        feed.FindAll(".activity-text").Select(l => l.TextContent.Trim()).ToArray();

    [Fact]
    public void WithNothingYetItSaysWhatWillAppear()
    {
        var feed = Render<RecentActivityFeed>();

        feed.WaitForAssertion(() => Assert.Contains("Nothing new yet.", feed.Markup));
        Assert.Equal("recent-activity-title", feed.Find("aside").GetAttribute("aria-labelledby"));
        Assert.Equal("Recent activity", feed.Find("#recent-activity-title").TextContent);
    }

    [Fact]
    public async Task ANewAlbumAppearsLiveWithLinksToItAndItsArtist()
    {
        var (admin, editor) = await StartAsync();
        var artist = await App.CreateArtistAsync(admin, "Floating Points");
        var feed = Render<RecentActivityFeed>();
        feed.WaitForAssertion(() => Assert.Contains("Nothing new yet.", feed.Markup));

        var album = await App.CreateAlbumAsync(editor, artist, "Promises", 2021, ("Movement 1", "1:55"));

        feed.WaitForAssertion(() => Assert.Equal(["New album Promises by Floating Points"], Lines(feed)));
        var links = feed.FindAll(".activity-text a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToArray();
        Assert.Equal([("Promises", $"artists/{artist}#album-{album}"), ("Floating Points", $"artists/{artist}")], links);
        Assert.Equal("just now", feed.Find("time").TextContent);
    }

    [Fact]
    public async Task AnArtistsFeedShowsOnlyThatArtist()
    {
        var (admin, editor) = await StartAsync();
        var shown = await App.CreateArtistAsync(admin, "Shown");
        var other = await App.CreateArtistAsync(admin, "Other");
        var feed = Render<RecentActivityFeed>(p => p.Add(c => c.ArtistId, shown));
        feed.WaitForAssertion(() => Assert.Contains("Nothing new yet.", feed.Markup));

        await App.CreateAlbumAsync(editor, other, "Not Here", 2001);
        await App.CreateAlbumAsync(editor, shown, "Here", 2002);

        feed.WaitForAssertion(() => Assert.Equal(["New album Here by Shown"], Lines(feed)));
    }
}
