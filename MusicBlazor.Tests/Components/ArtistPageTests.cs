using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Components.Pages.Artists;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Components;

public sealed partial class ArtistPageTests : ComponentTest
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
        _ = Dialogs;
        var page = Render<ArtistPage>(p => p.Add(c => c.Id, id ?? _artist));
        page.WaitForAssertion(() => Assert.DoesNotContain("Loading artist", page.Markup));
        return page;
    }

    private static string[] ButtonsAndLinks(IRenderedComponent<ArtistPage> page) =>
        page.FindAll("a, button").Select(e => e.AccessibleName()).ToArray();

    private static IElement Named(IParentNode scope, string name) =>
        scope.QuerySelectorAll("a, button").Single(e => e.AccessibleName() == name);

    private static string Followers(IRenderedComponent<ArtistPage> page) =>
        page.FindAll("p").Single(p => FollowerCount().IsMatch(p.TextContent)).TextContent;

    private IElement ConfirmationDialog() => Dialogs.Find("[role=dialog], [role=alertdialog]");

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
        Assert.Equal("0 followers", Followers(page));

        await page.InvokeAsync(() => page.FindAll("button").Single(b => b.AccessibleName() == "Follow").Click());

        page.WaitForAssertion(() => Assert.Contains("Unfollow", ButtonsAndLinks(page)));
        Assert.Equal("1 follower", Followers(page));
        await using var db = await App.OpenDbAsync();
        Assert.True(await db.ArtistFollowers.AnyAsync(f => f.ArtistId == _artist && f.UserId == user.UserId));

        await page.InvokeAsync(() => page.FindAll("button").Single(b => b.AccessibleName() == "Unfollow").Click());

        page.WaitForAssertion(() => Assert.Contains("Follow", ButtonsAndLinks(page)));
        Assert.Equal("0 followers", Followers(page));
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
        Assert.Single(page.FindAll("p"), p => p.TextContent == "Formerly known as First Name");
        Assert.Single(page.FindAll("p"), p => p.TextContent == "Plays loud.");
        var albums = page.FindAll("section[aria-labelledby]");
        Assert.Equal([$"album-{newer}", $"album-{older}"], albums.Select(a => a.Id));
        Assert.Equal(["Newer", "Older"], albums.Select(a => a.QuerySelector($"#{a.GetAttribute("aria-labelledby")}")!.TextContent));
        Assert.Contains("No track data yet", albums[0].TextContent);
        Assert.Empty(albums[0].QuerySelectorAll("table"));
        var tracks = albums[1].QuerySelector("table")!;
        Assert.Equal("Tracks of Older", tracks.QuerySelector("caption")!.TextContent);
        Assert.Equal(["#", "Track", "Duration"], tracks.QuerySelectorAll("thead th").Select(th => th.TextContent));
        Assert.Equal(
            [["1", "Intro", "1:05"], ["2", "Epic", "90:21"]],
            tracks.QuerySelectorAll("tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent).ToArray()));
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

        Assert.Equal(["Edit Mine", "Delete Mine"], page.Find($"#album-{mine}").QuerySelectorAll("a, button").Select(e => e.AccessibleName()));
        Assert.Equal($"albums/{mine}/edit", Named(page.Find($"#album-{mine}"), "Edit Mine").GetAttribute("href"));
        Assert.Empty(page.Find($"#album-{admins}").QuerySelectorAll("a, button"));
    }

    [Fact]
    public async Task DeletingTheArtistAsksFirstAndCancelKeepsIt()
    {
        await ArrangeAsync();
        await App.CreateAlbumAsync(_admin, _artist, "Last Words", 2001);
        SignIn(_admin);
        var page = RenderArtist();

        await page.InvokeAsync(() => Named(page.Find("header"), "Delete artist").Click());

        Dialogs.WaitForAssertion(() => Assert.Contains("Delete First Name and their 1 album(s)? This cannot be undone.", ConfirmationDialog().TextContent));
        Assert.Equal(["Cancel", "Delete"], ConfirmationDialog().QuerySelectorAll("button").Select(b => b.AccessibleName()).Where(n => n is "Delete" or "Cancel"));
        await Dialogs.InvokeAsync(() => Named(ConfirmationDialog(), "Cancel").Click());

        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll("[role=dialog], [role=alertdialog]")));
        await using var db = await App.OpenDbAsync();
        Assert.True(await db.Artists.AnyAsync(a => a.Id == _artist));
        Assert.Equal("First Name", page.Find("h1").TextContent);
    }

    [Fact]
    public async Task ConfirmingDeletesTheArtistAndGoesBackToTheList()
    {
        await ArrangeAsync();
        SignIn(_admin);
        var page = RenderArtist();

        await page.InvokeAsync(() => Named(page.Find("header"), "Delete artist").Click());
        Dialogs.WaitForAssertion(() => Assert.Contains("Delete First Name?", ConfirmationDialog().TextContent));
        await Dialogs.InvokeAsync(() => Named(ConfirmationDialog(), "Delete").Click());

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Equal("http://localhost/", navigation.Uri));
        await using var db = await App.OpenDbAsync();
        Assert.False(await db.Artists.AnyAsync(a => a.Id == _artist));
        Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == "Artist deleted" && s.Severity == Severity.Success);
    }

    [Fact]
    public async Task DeletingAnAlbumAsksFirstThenRemovesOnlyThatAlbum()
    {
        await ArrangeAsync();
        var doomed = await App.CreateAlbumAsync(_admin, _artist, "Doomed", 2001);
        var kept = await App.CreateAlbumAsync(_admin, _artist, "Kept", 2002);
        SignIn(_admin);
        var page = RenderArtist();

        await page.InvokeAsync(() => Named(page.Find($"#album-{doomed}"), "Delete Doomed").Click());
        Dialogs.WaitForAssertion(() => Assert.Contains("Delete the album Doomed?", ConfirmationDialog().TextContent));
        await Dialogs.InvokeAsync(() => Named(ConfirmationDialog(), "Cancel").Click());
        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll("[role=dialog], [role=alertdialog]")));
        Assert.Equal(2, page.FindAll("section[aria-labelledby]").Count);

        await page.InvokeAsync(() => Named(page.Find($"#album-{doomed}"), "Delete Doomed").Click());
        Dialogs.WaitForAssertion(() => Assert.Contains("Delete the album Doomed?", ConfirmationDialog().TextContent));
        await Dialogs.InvokeAsync(() => Named(ConfirmationDialog(), "Delete").Click());

        page.WaitForAssertion(() => Assert.Equal([$"album-{kept}"], page.FindAll("section[aria-labelledby]").Select(s => s.Id)));
        Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == "Album deleted");
    }

    [Fact]
    public async Task SaysSoWhenTheArtistDoesNotExist()
    {
        await ArrangeAsync();

        var page = RenderArtist(Guid.CreateVersion7());

        Assert.Equal("Artist not found", page.Find("h1").TextContent);
        Assert.Equal("./", page.FindAll("a").Single(a => a.AccessibleName() == "Back to the artists").GetAttribute("href"));
    }

    [Fact]
    public async Task ANewAlbumByAnotherUserAppearsWithoutAReload()
    {
        await ArrangeAsync();
        var page = RenderArtist();
        page.WaitForAssertion(() => Assert.Equal(2, Hub.SubscriberCount)); // the page and its recent-activity feed

        await App.CreateAlbumAsync(_admin, _artist, "Surprise", 2024);

        page.WaitForAssertion(() => Assert.Contains("Surprise", page.Find("section[aria-labelledby] h3").TextContent));
    }

    [GeneratedRegex(@"^\d+ followers?$")]
    private static partial Regex FollowerCount();
}
