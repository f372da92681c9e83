using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MusicBlazor.Accounts;
using MusicBlazor.Components.Pages.Artists;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Components;

public sealed class ArtistListTests : ComponentTest
{
    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<ArtistList> RenderAt(string url)
    {
        Navigation.NavigateTo(url);
        var list = Render<ArtistList>();
        list.WaitForAssertion(() => Assert.DoesNotContain("Loading artists", list.Markup));
        return list;
    }

    [Fact]
    public async Task ShowsEachArtistWithAlbumsFollowersAndWhetherIFollow()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        var user = await App.CreateUserAsync();
        var followed = await App.CreateArtistAsync(admin, "Ávila Sound");
        await App.CreateArtistAsync(admin, "Quiet One");
        await App.CreateAlbumAsync(admin, followed, "First Light", 2019);
        await App.FollowAsync(user, followed);
        SignIn(user);

        var list = RenderAt("/");

        var cards = list.FindAll(".artist-card");
        Assert.Equal(2, cards.Count);
        var card = cards.Single(c => c.TextContent.Contains("Ávila Sound"));
        Assert.Contains("1 album · 2019", card.TextContent);
        Assert.Contains("1 follower", card.TextContent);
        Assert.Contains("Following", card.TextContent);
        var quiet = cards.Single(c => c.TextContent.Contains("Quiet One"));
        Assert.Contains("No albums yet", quiet.TextContent);
        Assert.DoesNotContain("Following", quiet.TextContent);
    }

    [Fact]
    public async Task ShowsAnEmptyStateWhenTheSearchMatchesNothing()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        await App.CreateArtistAsync(admin, "Nova Lights");

        var list = RenderAt("/?q=zzz");

        Assert.Empty(list.FindAll(".artist-card"));
        Assert.Contains("No artists match “zzz”", list.Find(".empty-state").TextContent);
        Assert.Equal("zzz", list.Find("#artist-search").GetAttribute("value"));
    }

    [Fact]
    public void ShowsAnEmptyStateForAnEmptyCatalog()
    {
        var list = RenderAt("/");

        Assert.Contains("No artists yet", list.Find(".empty-state").TextContent);
    }

    [Fact]
    public async Task SearchingPutsTheTermInTheUrlAndStartsAtPageOne()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        await App.CreateArtistAsync(admin, "Nova Lights");
        var list = RenderAt("/?sort=name&page=3");

        // Find and fire on the renderer's thread: a live refresh may re-render the list in between otherwise.
        await list.InvokeAsync(() => list.Find("#artist-search").Input("nova"));
        await list.InvokeAsync(() => list.Find("form[role=search]").Submit());

        Assert.Equal("http://localhost/?q=nova&sort=name", Navigation.Uri);
    }

    [Fact]
    public async Task ChangingTheSortPutsItInTheUrlAndKeepsTheSearch()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        await App.CreateArtistAsync(admin, "Nova Lights");
        var list = RenderAt("/?q=nova&page=2");

        await list.InvokeAsync(() => list.Find("#artist-sort").Change("followers"));

        Assert.Equal("http://localhost/?q=nova&sort=followers", Navigation.Uri);
    }

    [Fact]
    public async Task PagesTwelveAtATimeWithLinksThatKeepSearchAndSort()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        for (var i = 1; i <= 13; i++)
        {
            await App.CreateArtistAsync(admin, $"Band {i:00}");
        }

        var first = RenderAt("/?q=band&sort=name");
        Assert.Equal(12, first.FindAll(".artist-card").Count);
        Assert.Equal("http://localhost/?q=band&sort=name&page=2", first.Find("a[rel=next]").GetAttribute("href"));
        Assert.Empty(first.FindAll("a[rel=prev]"));

        var second = RenderAt("/?q=band&sort=name&page=2");
        Assert.Equal("Band 13", second.Find(".artist-card h2").TextContent);
        Assert.Equal("http://localhost/?q=band&sort=name", second.Find("a[rel=prev]").GetAttribute("href"));
        Assert.Empty(second.FindAll("a[rel=next]"));
    }

    [Fact]
    public async Task AnotherUsersFollowUpdatesTheListWithoutAReload()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        var fan = await App.CreateUserAsync();
        var artist = await App.CreateArtistAsync(admin, "Nova Lights");
        var list = RenderAt("/");
        list.WaitForAssertion(() => Assert.Equal(1, Hub.SubscriberCount));

        await App.FollowAsync(fan, artist);

        list.WaitForAssertion(() => Assert.Contains("1 follower", list.Find(".artist-card").TextContent));
    }

    [Fact]
    public async Task WhatIsBeingTypedInSearchSurvivesALiveRefresh()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        var fan = await App.CreateUserAsync();
        var artist = await App.CreateArtistAsync(admin, "Nova Lights");
        var list = RenderAt("/?q=nova");
        list.WaitForAssertion(() => Assert.Equal(1, Hub.SubscriberCount));

        await list.InvokeAsync(() => list.Find("#artist-search").Input(""));
        await App.FollowAsync(fan, artist);
        list.WaitForAssertion(() => Assert.Contains("1 follower", list.Find(".artist-card").TextContent));
        await list.InvokeAsync(() => list.Find("form[role=search]").Submit());

        Assert.Equal("http://localhost/", Navigation.Uri);
    }
}
