using AngleSharp.Dom;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MusicBlazor.Accounts;
using MusicBlazor.Components.Pages.Artists;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Components;

public sealed class ArtistListTests : ComponentTest
{
    private BunitNavigationManager Navigation => (BunitNavigationManager)Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<ArtistList> RenderAt(string url)
    {
        Navigation.NavigateTo(url);
        _ = Popovers;
        var list = Render<ArtistList>();
        list.WaitForAssertion(() => Assert.DoesNotContain("Loading artists", list.Markup));
        return list;
    }

    private static IReadOnlyList<IElement> Cards(IRenderedComponent<ArtistList> list) => list.FindAll("ul[aria-label=Artists] > li");

    private static IElement SearchBox(IRenderedComponent<ArtistList> list) =>
        list.Find($"#{list.FindAll("label").Single(l => l.TextContent == "Search").GetAttribute("for")}");

    private static IElement Button(IRenderedComponent<ArtistList> list, string name) =>
        list.FindAll("button, a").Single(b => b.AccessibleName() == name);

    /// <summary>"Band 01" to "Band <paramref name="count"/>".</summary>
    private async Task CreateBandsAsync(int count)
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        for (var i = 1; i <= count; i++)
        {
            await App.CreateArtistAsync(admin, $"Band {i:00}");
        }
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

        var cards = Cards(list);
        Assert.Equal(2, cards.Count);
        var card = cards.Single(c => c.QuerySelector("h2")!.TextContent == "Ávila Sound");
        Assert.Equal($"artists/{followed}", card.QuerySelector("a")!.GetAttribute("href"));
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

        var list = RenderAt("/?q=zzz&sort=name");

        Assert.Empty(Cards(list));
        Assert.Contains("No artists match “zzz”.", list.Markup);
        Assert.Equal("http://localhost/?sort=name", Button(list, "Clear the search").GetAttribute("href"));
        Assert.Equal("zzz", SearchBox(list).GetAttribute("value"));
    }

    [Fact]
    public void ShowsAnEmptyStateForAnEmptyCatalog()
    {
        var list = RenderAt("/");

        Assert.Contains("No artists yet.", list.Markup);
        Assert.Empty(list.FindAll("nav[aria-label=Pagination]"));
    }

    [Fact]
    public async Task SearchesAsYouTypeAndPutsTheTermInTheUrlWithoutFloodingTheHistory()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        await App.CreateArtistAsync(admin, "Nova Lights");
        await App.CreateArtistAsync(admin, "Quiet One");
        var list = RenderAt("/?sort=name&page=3");

        await list.InvokeAsync(() => SearchBox(list).Input("no"));
        await list.InvokeAsync(() => SearchBox(list).Input("nova "));

        // Nothing happens while typing; one navigation once the typing pauses, with the page reset and the sort kept.
        Assert.Equal("http://localhost/?sort=name&page=3", Navigation.Uri);
        list.WaitForAssertion(() => Assert.Equal("http://localhost/?q=nova&sort=name", Navigation.Uri));
        Assert.True(Navigation.History.First().Options.ReplaceHistoryEntry);
        list.WaitForAssertion(() => Assert.Equal(["Nova Lights"], Cards(list).Select(c => c.QuerySelector("h2")!.TextContent)));
        // The URL's trimmed term does not overwrite what is being typed.
        Assert.Equal("nova ", SearchBox(list).GetAttribute("value"));
    }

    [Fact]
    public async Task EnterSearchesAtOnce()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        await App.CreateArtistAsync(admin, "Nova Lights");
        var list = RenderAt("/?sort=name&page=3");
        Assert.Equal(["Search", "Sort by"], list.Find("[role=search]").QuerySelectorAll("label").Select(l => l.TextContent));

        await list.InvokeAsync(() => SearchBox(list).Input("nova"));
        await list.InvokeAsync(() => SearchBox(list).KeyDown(new KeyboardEventArgs { Key = "Enter" }));

        Assert.Equal("http://localhost/?q=nova&sort=name", Navigation.Uri);
    }

    [Fact]
    public async Task ChoosingASortPutsItInTheUrlAndKeepsTheSearch()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        await App.CreateArtistAsync(admin, "Nova Lights");
        var list = RenderAt("/?q=nova&page=2");
        var sort = list.Find("[role=combobox][aria-label='Sort by']");
        Assert.Equal("Recently updated", sort.GetAttribute("value"));

        await list.InvokeAsync(() => list.Find("[role=combobox][aria-label='Sort by']").MouseDown());
        Popovers.WaitForAssertion(() => Assert.Equal(
            ["Recently updated", "Recently added", "Name", "Number of albums", "Latest album release", "Number of followers"],
            Popovers.FindAll("[role=option]").Select(o => o.AccessibleName())));
        await Popovers.InvokeAsync(() => Popovers.FindAll("[role=option]").Single(o => o.AccessibleName() == "Number of followers").Click());

        list.WaitForAssertion(() => Assert.Equal("http://localhost/?q=nova&sort=followers", Navigation.Uri));
        list.WaitForAssertion(() => Assert.Equal("Number of followers", list.Find("[role=combobox][aria-label='Sort by']").GetAttribute("value")));
    }

    [Fact]
    public async Task PagesTwelveAtATimeKeepingSearchAndSort()
    {
        await CreateBandsAsync(13);

        var list = RenderAt("/?q=band&sort=name");
        Assert.Equal(12, Cards(list).Count);
        Assert.True(Button(list, "Previous page").HasAttribute("disabled"));
        Assert.Equal("page", Button(list, "Current page 1").GetAttribute("aria-current"));

        await list.InvokeAsync(() => Button(list, "Next page").Click());

        Assert.Matches(@"^http://localhost/\?q=band&sort=name&page=2&after=[0-9a-f]{32}\.band%2012$", Navigation.Uri);
        Assert.False(Navigation.History.First().Options.ReplaceHistoryEntry);
        list.WaitForAssertion(() => Assert.Equal(["Band 13"], Cards(list).Select(c => c.QuerySelector("h2")!.TextContent)));
        Assert.True(Button(list, "Next page").HasAttribute("disabled"));

        await list.InvokeAsync(() => Button(list, "Page 1").Click());

        Assert.Equal("http://localhost/?q=band&sort=name", Navigation.Uri);
    }

    [Fact]
    public async Task ThePagerContinuesFromTheEdgeOfThePageShownAndItsUrlKeepsThatEdge()
    {
        await CreateBandsAsync(30);
        var list = RenderAt("/?sort=name");
        App.Commands.CaptureSql = true;

        await list.InvokeAsync(() => Button(list, "Next page").Click());
        list.WaitForAssertion(() => Assert.Equal(Bands(13, 24), Names(list)));
        // The database was asked for the artists after the last one shown (by its sort value), not to count past 12.
        Assert.Matches(@"^http://localhost/\?sort=name&page=2&after=[0-9a-f]{32}\.band%2012$", Navigation.Uri);
        Assert.Contains(App.Commands.CapturedReaders, c => c.Parameters.Contains(("@edgeKey", "band 12")));

        await list.InvokeAsync(() => Button(list, "Next page").Click());
        list.WaitForAssertion(() => Assert.Equal(Bands(25, 30), Names(list)));
        var thirdPage = Navigation.Uri;
        App.Commands.CapturedReaders.Clear();

        await list.InvokeAsync(() => Button(list, "Previous page").Click());
        list.WaitForAssertion(() => Assert.Equal(Bands(13, 24), Names(list)));
        Assert.Matches(@"^http://localhost/\?sort=name&page=2&before=[0-9a-f]{32}\.band%2025$", Navigation.Uri);
        Assert.Contains(App.Commands.CapturedReaders, c => c.Parameters.Contains(("@edgeKey", "band 25")));
        App.Commands.CapturedReaders.Clear();

        // A reload of page 3, a shared link to it or Back to it from an artist's page: a new list seeks from its URL.
        await DisposeComponentsAsync();
        var reloaded = RenderAt(thirdPage);
        Assert.Equal(Bands(25, 30), Names(reloaded));
        Assert.Contains(App.Commands.CapturedReaders, c => c.Parameters.Contains(("@edgeKey", "band 24")));

        // A jump (here to page 1) counts from the start and leaves the edge out of the URL.
        await reloaded.InvokeAsync(() => Button(reloaded, "Page 1").Click());
        Assert.Equal("http://localhost/?sort=name", Navigation.Uri);
    }

    [Theory]
    [InlineData("after=nonsense")]
    [InlineData("after=0123456789abcdef0123456789abcdef.")]
    [InlineData("before=0123456789abcdef0123456789abcdef.band 99&after=x")]
    [InlineData("after=ffffffffffffffffffffffffffffffff.band%2012&before=y")]
    public async Task AnEdgeInTheUrlThatIsNotOneIsCountedOrSoughtButNeverAnError(string edge)
    {
        await CreateBandsAsync(30);

        var list = RenderAt($"/?sort=name&page=2&{edge}");

        // Unreadable: counted (Band 13 to 24). Readable: sought from it (after "band 12", or before "band 99").
        Assert.Equal(edge.StartsWith("before") ? Bands(19, 30) : Bands(13, 24), Names(list));
    }

    private static List<string> Names(IRenderedComponent<ArtistList> list) => Cards(list).Select(c => c.QuerySelector("h2")!.TextContent).ToList();

    private static List<string> Bands(int first, int last) => Enumerable.Range(first, last - first + 1).Select(i => $"Band {i:00}").ToList();

    [Theory]
    [InlineData("/?page=abc")]
    [InlineData("/?page=99999999999")]
    [InlineData("/?page=2147483648")]
    [InlineData("/?page=2147483647")]
    [InlineData("/?page=-1&sort=")]
    [InlineData("/?page=&sort=nonsense&q=")]
    [InlineData("/?page=1&page=x&sort=name&sort=")]
    public async Task MalformedOrOutOfRangeQueryValuesShowTheFirstPage(string url)
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        await App.CreateArtistAsync(admin, "Nova Lights");

        var list = RenderAt(url);

        Assert.Equal(["Nova Lights"], Cards(list).Select(c => c.QuerySelector("h2")!.TextContent));
    }

    [Fact]
    public void TheSearchBoxTakesNoMoreThanAnArtistName()
    {
        var list = RenderAt("/");

        Assert.Equal("200", SearchBox(list).GetAttribute("maxlength"));
    }

    [Fact]
    public async Task AnEmptyPageOffersTheFirstPage()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        await App.CreateArtistAsync(admin, "Nova Lights");

        var list = RenderAt("/?sort=name&page=4");

        Assert.Contains("There are no artists on this page.", list.Markup);
        Assert.Equal("http://localhost/?sort=name", Button(list, "Back to the first page").GetAttribute("href"));
    }

    [Fact]
    public async Task AnotherUsersFollowUpdatesTheListWithoutAReload()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        var fan = await App.CreateUserAsync();
        var artist = await App.CreateArtistAsync(admin, "Nova Lights");
        var list = RenderAt("/");
        list.WaitForAssertion(() => Assert.Equal(2, Hub.SubscriberCount)); // the page and its recent-activity feed

        await App.FollowAsync(fan, artist);

        list.WaitForAssertion(() => Assert.Contains("1 follower", Cards(list).Single().TextContent));
    }

    [Fact]
    public async Task WhatIsBeingTypedInSearchSurvivesALiveRefreshAndParametersSetAgain()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        var fan = await App.CreateUserAsync();
        var artist = await App.CreateArtistAsync(admin, "Nova Lights");
        var list = RenderAt("/?q=nova");
        list.WaitForAssertion(() => Assert.Equal(2, Hub.SubscriberCount)); // the page and its recent-activity feed

        await list.InvokeAsync(() => SearchBox(list).Input(""));
        await App.FollowAsync(fan, artist);
        list.WaitForAssertion(() => Assert.Contains("1 follower", Cards(list).Single().TextContent));
        list.Render();

        Assert.Equal("", SearchBox(list).GetAttribute("value"));
        list.WaitForAssertion(() => Assert.Equal("http://localhost/", Navigation.Uri));
    }
}
