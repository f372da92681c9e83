using Bunit;
using Microsoft.EntityFrameworkCore;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Components.Pages.Artists;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Components;

public sealed class ArtistPageTests : ComponentTest
{
    private Actor _admin = null!;
    private Guid _artist;

    private async Task ArrangeAsync()
    {
        _admin = await App.CreateUserAsync(Roles.Admin);
        _artist = await App.CreateArtistAsync(_admin, "First Name", "Plays loud.");
    }

    private IRenderedComponent<ArtistPage> RenderArtist(Guid? id = null)
    {
        var page = Render<ArtistPage>(p => p.Add(c => c.Id, id ?? _artist));
        page.WaitForAssertion(() => Assert.DoesNotContain("Loading artist", page.Markup));
        return page;
    }

    private static string[] ButtonsAndLinks(IRenderedComponent<ArtistPage> page) =>
        page.FindAll(".page-header .actions button, .page-header .actions a, .section-header a").Select(e => e.AccessibleName()).ToArray();

    [Theory]
    [InlineData(null, new[] { "Log in to follow" })]
    [InlineData(Roles.User, new[] { "Follow" })]
    [InlineData(Roles.Editor, new[] { "Follow", "Edit artist", "Add album" })]
    [InlineData(Roles.Admin, new[] { "Follow", "Edit artist", "Delete artist", "Add album" })]
    public async Task ShowsOnlyTheActionsTheRoleMayTake(string? role, string[] expected)
    {
        await ArrangeAsync();
        if (role is not null)
        {
            SignIn(await App.CreateUserAsync(role));
        }

        var page = RenderArtist();

        Assert.Equal(expected, ButtonsAndLinks(page));
    }

    [Fact]
    public async Task FollowTogglesToUnfollowAndCountsTheFollower()
    {
        await ArrangeAsync();
        var user = await App.CreateUserAsync();
        SignIn(user);
        var page = RenderArtist();
        Assert.Contains("0 followers", page.Markup);

        page.FindAll("button").Single(b => b.AccessibleName() == "Follow").Click();

        page.WaitForAssertion(() => Assert.Contains("Unfollow", ButtonsAndLinks(page)));
        Assert.Contains("1 follower", page.Find(".page-header .meta").TextContent);
        await using var db = await App.OpenDbAsync();
        Assert.True(await db.ArtistFollowers.AnyAsync(f => f.ArtistId == _artist && f.UserId == user.UserId));

        page.FindAll("button").Single(b => b.AccessibleName() == "Unfollow").Click();

        page.WaitForAssertion(() => Assert.Contains("Follow", ButtonsAndLinks(page)));
        Assert.Contains("0 followers", page.Find(".page-header .meta").TextContent);
    }

    [Fact]
    public async Task ShowsHistoryBiographyAndAlbumsNewestFirstWithTracks()
    {
        await ArrangeAsync();
        await App.As<ArtistService>(_admin).UpdateAsync(_artist, new ArtistInput { Name = "Second Name", Biography = "Plays loud." });
        var older = await App.CreateAlbumAsync(_admin, _artist, "Older", 1990, ("Intro", "1:05"), ("Epic", "90:21"));
        var newer = await App.CreateAlbumAsync(_admin, _artist, "Newer", 2020);

        var page = RenderArtist();

        Assert.Equal("Second Name", page.Find("h1").TextContent);
        Assert.Equal("Formerly known as First Name", page.Find(".formerly").TextContent);
        Assert.Equal("Plays loud.", page.Find(".biography").TextContent);
        var albums = page.FindAll("section.album");
        Assert.Equal([$"album-{newer}", $"album-{older}"], albums.Select(a => a.Id));
        Assert.Contains("No track data yet", albums[0].TextContent);
        Assert.Equal(["Intro", "Epic"], albums[1].QuerySelectorAll("tbody td:nth-child(2)").Select(td => td.TextContent));
        Assert.Equal(["1:05", "90:21"], albums[1].QuerySelectorAll("tbody td.num").Select(td => td.TextContent));
        Assert.Contains("1990 · 91:26", albums[1].TextContent);
    }

    [Fact]
    public async Task AnEditorManagesOnlyTheAlbumsTheyCreated()
    {
        await ArrangeAsync();
        var editor = await App.CreateUserAsync(Roles.Editor);
        var mine = await App.CreateAlbumAsync(editor, _artist, "Mine", 2001);
        var admins = await App.CreateAlbumAsync(_admin, _artist, "Admin's", 2002);
        SignIn(editor);

        var page = RenderArtist();

        Assert.NotEmpty(page.Find($"#album-{mine}").QuerySelectorAll(".album-header .actions"));
        Assert.Empty(page.Find($"#album-{admins}").QuerySelectorAll(".album-header .actions"));
    }

    [Fact]
    public async Task SaysSoWhenTheArtistDoesNotExist()
    {
        await ArrangeAsync();

        var page = RenderArtist(Guid.CreateVersion7());

        Assert.Equal("Artist not found", page.Find("h1").TextContent);
    }

    [Fact]
    public async Task ANewAlbumByAnotherUserAppearsWithoutAReload()
    {
        await ArrangeAsync();
        var page = RenderArtist();
        page.WaitForAssertion(() => Assert.Equal(1, Hub.SubscriberCount));

        await App.CreateAlbumAsync(_admin, _artist, "Surprise", 2024);

        page.WaitForAssertion(() => Assert.Contains("Surprise", page.Find("section.album h3").TextContent));
    }
}
