using Microsoft.EntityFrameworkCore;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Tests.Infrastructure;
using MusicBlazor.Tests.Infrastructure.Providers;

namespace MusicBlazor.Tests.Catalog;

public sealed class ArtistQueriesTests : DatabaseTest
{
    private Actor _admin = null!;

    protected override async Task ArrangeAsync() => _admin = await App.CreateUserAsync(Roles.Admin);

    private Task<ArtistListResult> ListAsync(string? search = null, ArtistSort sort = ArtistSort.Name, int page = 1, Actor? viewer = null) =>
        App.As<ArtistQueries>(viewer ?? Actor.Anonymous).ListAsync(new ArtistListRequest(search, sort, page));

    private static List<string> Names(ArtistListResult page) => page.Artists.Select(a => a.Name).ToList();

    /// <summary>"Nina 01" to "Nina <paramref name="count"/>", in one save: the same figures, so ties are broken by the id.</summary>
    private async Task AddNinasAsync(int count)
    {
        await using var db = await App.OpenDbAsync(_admin);
        db.Artists.AddRange(Enumerable.Range(1, count).Select(i => Artist.Create($"Nina {i:00}")));
        await db.SaveChangesAsync();
    }

    private async Task<Guid> CreateArtistLaterAsync(string name)
    {
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        return await App.CreateArtistAsync(_admin, name);
    }

    [DatabaseTheory]
    [InlineData("piaf", "Édith Piaf")]
    [InlineData("PIAF", "Édith Piaf")]
    [InlineData("É", "Édith Piaf", "Émile")]
    [InlineData("é", "Édith Piaf", "Émile")]
    [InlineData("ÉDITH", "Édith Piaf")]
    [InlineData("  mile ", "Émile")]
    [InlineData("nobody")]
    public async Task SearchIsACaseInsensitiveSubstringMatchBeyondAscii(string search, params string[] expected)
    {
        foreach (var name in new[] { "Édith Piaf", "Émile", "Nina" })
        {
            await App.CreateArtistAsync(_admin, name);
        }

        Assert.Equal(expected, Names(await ListAsync(search)));
    }

    [DatabaseTheory]
    [InlineData("\"n\"", "Guns \"N\" Roses")]
    [InlineData("c/d", "AC/DC")]
    [InlineData("r ró", "Sigur Rós")]
    [InlineData("n*w", "Moon*Walk")]
    [InlineData("roses or")]
    [InlineData("-dc")]
    [InlineData("os", "Guns \"N\" Roses")]
    public async Task SearchTakesEveryCharacterLiterally(string search, params string[] expected)
    {
        foreach (var name in new[] { "Guns \"N\" Roses", "AC/DC", "Sigur Rós", "Moon*Walk" })
        {
            await App.CreateArtistAsync(_admin, name);
        }

        Assert.Equal(expected, Names(await ListAsync(search)));
    }

    [DatabaseFact]
    public async Task SearchFollowsRenamesAndDeletes()
    {
        var id = await App.CreateArtistAsync(_admin, "Moonlight Drive");
        var artists = App.As<ArtistService>(_admin);

        await artists.UpdateAsync(id, new ArtistInput { Name = "Sunset Drive" });
        Assert.Empty(Names(await ListAsync("moonlight")));
        Assert.Equal(["Sunset Drive"], Names(await ListAsync("sunset")));

        await artists.DeleteAsync(id);
        Assert.Empty(Names(await ListAsync("sunset")));
    }

    [DatabaseFact]
    public async Task AnIndexLookupPagesExactlyLikeAWalkThroughTheList()
    {
        // 25 of 600 artists contain "artist": few enough matches that the index lookup is the cheaper way, while
        // "ar" (too short for trigrams) walks the list. Both match the same 25, so every sort must page identically.
        for (var i = 1; i <= 25; i++)
        {
            await CreateArtistLaterAsync($"Artist {i:00}");
        }

        await using (var db = await App.OpenDbAsync(_admin))
        {
            db.Artists.AddRange(Enumerable.Range(1, 575).Select(i => Artist.Create($"Nina {i:000}")));
            await db.SaveChangesAsync();
        }

        Assert.True(ArtistSearch.For("artist")!.PrefersIndex(matches: 25, artists: 600, skip: 0));
        foreach (var (sort, _, _) in ArtistSorts.All)
        {
            for (var page = 1; page <= 3; page++)
            {
                var lookedUp = await ListAsync("artist", sort, page);
                var walked = await ListAsync("ar", sort, page);
                Assert.Equal(Names(walked), Names(lookedUp));
                Assert.Equal(walked.HasNext, lookedUp.HasNext);
                Assert.NotEmpty(lookedUp.Artists);
            }
        }
    }

    [DatabaseFact]
    public async Task EveryPageOfAWalkIsTheSliceOfTheWholeListInSortOrder()
    {
        // 40 artists, most with the same figures: every order but the name one is decided by the id among ties, which
        // is where pages could overlap or skip. PostgreSQL's walk reads the page's ids first, then their cards.
        await AddNinasAsync(40);

        var fan = await App.CreateUserAsync();
        var followed = (await ListAsync(page: 3)).Artists[5].Id;
        await App.FollowAsync(fan, followed);
        foreach (var (sort, _, _) in ArtistSorts.All)
        {
            List<Guid> whole;
            await using (var db = await App.OpenDbAsync())
            {
                whole = await ArtistListQuery.Sort(db.Artists, sort).Select(a => a.Id).ToListAsync();
            }

            foreach (var search in new[] { null, "ni" })
            {
                var paged = new List<Guid>();
                for (var page = 1; page <= 4; page++)
                {
                    var result = await ListAsync(search, sort, page, fan);
                    Assert.Equal(page < 4, result.HasNext);
                    Assert.All(result.Artists, a => Assert.Equal(a.Id == followed, a.IsFollowed));
                    paged.AddRange(result.Artists.Select(a => a.Id));
                }

                Assert.Equal(whole, paged);
            }
        }
    }

    [DatabaseFact]
    public async Task ThePagerWalksEveryPageForwardAndBackFromTheShownOnes()
    {
        await AddNinasAsync(40);

        foreach (var (sort, _, _) in ArtistSorts.All)
        {
            foreach (var search in new[] { null, "ni" })
            {
                var counted = new List<ArtistListResult>();
                for (var page = 1; page <= 4; page++)
                {
                    counted.Add(await ListAsync(search, sort, page));
                }

                // Forward, each page from the one shown before it; then back again from page 4. Each also from the
                // edge as its URL carries it (a reload, a shared link), which holds only the sort value and the id.
                var shown = counted[0];
                for (var page = 2; page <= 4; page++)
                {
                    var fromUrl = ArtistListBounds.FromUrl(search, sort, page, ArtistListEdgeText.Format(shown.Bounds!.Last, sort), null);
                    Assert.NotNull(fromUrl);
                    AssertSamePage(counted[page - 1], await App.As<ArtistQueries>(Actor.Anonymous).ListAsync(new ArtistListRequest(search, sort, page, fromUrl)));
                    shown = await App.As<ArtistQueries>(Actor.Anonymous).ListAsync(new ArtistListRequest(search, sort, page, shown.Bounds));
                    AssertSamePage(counted[page - 1], shown);
                }

                for (var page = 3; page >= 1; page--)
                {
                    var fromUrl = ArtistListBounds.FromUrl(search, sort, page, null, ArtistListEdgeText.Format(shown.Bounds!.First, sort));
                    Assert.NotNull(fromUrl);
                    AssertSamePage(counted[page - 1], await App.As<ArtistQueries>(Actor.Anonymous).ListAsync(new ArtistListRequest(search, sort, page, fromUrl)));
                    shown = await App.As<ArtistQueries>(Actor.Anonymous).ListAsync(new ArtistListRequest(search, sort, page, shown.Bounds));
                    AssertSamePage(counted[page - 1], shown);
                }
            }
        }
    }

    private static void AssertSamePage(ArtistListResult expected, ArtistListResult actual)
    {
        Assert.Equal(expected.Artists.Select(a => a.Id), actual.Artists.Select(a => a.Id));
        Assert.Equal((expected.Page, expected.HasPrevious, expected.HasNext), (actual.Page, actual.HasPrevious, actual.HasNext));
    }

    [DatabaseFact]
    public async Task NextAndPreviousContinueFromTheArtistsShownWhenAnArtistIsAddedBeforeThem()
    {
        await AddNinasAsync(30);

        var first = await ListAsync(page: 1);
        var third = await ListAsync(page: 3);
        Assert.Equal("Nina 12", Names(first)[^1]);
        Assert.Equal("Nina 25", Names(third)[0]);
        await App.CreateArtistAsync(_admin, "Aaron");

        // Counting would now show Nina 12 again after page 1, and skip Nina 24 before page 3.
        var next = await App.As<ArtistQueries>(Actor.Anonymous).ListAsync(new ArtistListRequest(null, ArtistSort.Name, 2, first.Bounds));
        Assert.Equal(Enumerable.Range(13, 12).Select(i => $"Nina {i:00}"), Names(next));
        var previous = await App.As<ArtistQueries>(Actor.Anonymous).ListAsync(new ArtistListRequest(null, ArtistSort.Name, 2, third.Bounds));
        Assert.Equal(Enumerable.Range(13, 12).Select(i => $"Nina {i:00}"), Names(previous));
        Assert.True(previous.HasPrevious && previous.HasNext);

        // Only a neighbouring page of the same list continues from it: a jump, another order or search is counted.
        Assert.Equal(Names(await ListAsync(page: 3)),
            Names(await App.As<ArtistQueries>(Actor.Anonymous).ListAsync(new ArtistListRequest(null, ArtistSort.Name, 3, first.Bounds))));
        Assert.Equal(Names(await ListAsync(sort: ArtistSort.RecentlyAdded, page: 2)),
            Names(await App.As<ArtistQueries>(Actor.Anonymous).ListAsync(new ArtistListRequest(null, ArtistSort.RecentlyAdded, 2, first.Bounds))));
        Assert.Equal(Names(await ListAsync("nina", page: 2)),
            Names(await App.As<ArtistQueries>(Actor.Anonymous).ListAsync(new ArtistListRequest("nina", ArtistSort.Name, 2, first.Bounds))));
    }

    [DatabaseFact]
    public async Task APreviousPageThatNoLongerHasAPageBeforeItIsCountedFromTheStart()
    {
        await AddNinasAsync(30);

        var third = await ListAsync(page: 3);
        await using (var db = await App.OpenDbAsync(_admin))
        {
            // 11 artists are left before the third page's first one: not a page and one more.
            await db.Artists.Where(a => string.Compare(a.SearchName, "nina 14") < 0).ExecuteDeleteAsync();
        }

        var previous = await App.As<ArtistQueries>(Actor.Anonymous).ListAsync(new ArtistListRequest(null, ArtistSort.Name, 2, third.Bounds));

        AssertSamePage(await ListAsync(page: 2), previous);
        Assert.Equal(["Nina 26", "Nina 27", "Nina 28", "Nina 29", "Nina 30"], Names(previous));
    }

    [DatabaseFact]
    public async Task NoSearchListsEveryArtist()
    {
        await App.CreateArtistAsync(_admin, "B");
        await App.CreateArtistAsync(_admin, "A");

        Assert.Equal(["A", "B"], Names(await ListAsync("  ")));
    }

    private async Task SeedSortableCatalogAsync()
    {
        var zed = await CreateArtistLaterAsync("Zed");
        var alpha = await CreateArtistLaterAsync("alpha");
        var beta = await CreateArtistLaterAsync("Beta");
        await CreateArtistLaterAsync("Mu");
        await App.CreateAlbumAsync(_admin, alpha, "Early", 1980);
        await App.CreateAlbumAsync(_admin, alpha, "Late", 2005);
        await App.CreateAlbumAsync(_admin, beta, "Middle", 1990);
        foreach (var fan in new[] { await App.CreateUserAsync(), await App.CreateUserAsync() })
        {
            await App.FollowAsync(fan, beta);
        }

        await App.FollowAsync(await App.CreateUserAsync(), alpha);
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await App.As<ArtistService>(_admin).UpdateAsync(zed, new ArtistInput { Name = "Zed", Biography = "Updated last" });
    }

    [DatabaseTheory]
    [InlineData(ArtistSort.RecentlyUpdated, "Zed", "Mu", "Beta", "alpha")]
    [InlineData(ArtistSort.RecentlyAdded, "Mu", "Beta", "alpha", "Zed")]
    [InlineData(ArtistSort.Name, "alpha", "Beta", "Mu", "Zed")]
    [InlineData(ArtistSort.AlbumCount, "alpha", "Beta")]
    [InlineData(ArtistSort.LatestRelease, "alpha", "Beta")]
    [InlineData(ArtistSort.FollowerCount, "Beta", "alpha")]
    public async Task EverySortOrderPutsTheRightArtistsFirst(ArtistSort sort, params string[] expectedFirst)
    {
        await SeedSortableCatalogAsync();

        var names = Names(await ListAsync(sort: sort));

        Assert.Equal(4, names.Count);
        Assert.Equal(expectedFirst, names.Take(expectedFirst.Length));
    }

    [DatabaseFact]
    public async Task RecentlyUpdatedIsTheDefaultSort()
    {
        await SeedSortableCatalogAsync();

        Assert.Equal(ArtistSort.RecentlyUpdated, ArtistSorts.Parse(null));
        Assert.Equal(ArtistSort.RecentlyUpdated, ArtistSorts.Parse("nonsense"));
        Assert.Equal("Zed", Names(await ListAsync(sort: ArtistSorts.Parse(null)))[0]);
    }

    [DatabaseFact]
    public async Task LatestReleaseSortsArtistsWithoutAlbumsLast()
    {
        await SeedSortableCatalogAsync();

        var page = await ListAsync(sort: ArtistSort.LatestRelease);

        Assert.Equal([2005, 1990, null, null], page.Artists.Select(a => a.LatestAlbumYear));
        Assert.Equal(["Mu", "Zed"], Names(page).Skip(2).Order());
    }

    [DatabaseFact]
    public async Task CardsShowTheArtistsFigures()
    {
        await SeedSortableCatalogAsync();

        var alpha = (await ListAsync("alpha")).Artists.Single();

        Assert.Equal((2, 2005, 1), (alpha.AlbumCount, alpha.LatestAlbumYear, alpha.FollowerCount));
    }

    [DatabaseFact]
    public async Task PagesHoldTwelveArtistsAndTellWhetherThereIsMore()
    {
        for (var i = 1; i <= 25; i++)
        {
            await App.CreateArtistAsync(_admin, $"Artist {i:00}");
        }

        var first = await ListAsync(page: 1);
        var second = await ListAsync(page: 2);
        var last = await ListAsync(page: 3);

        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"Artist {i:00}"), Names(first));
        Assert.Equal((1, false, true), (first.Page, first.HasPrevious, first.HasNext));
        Assert.Equal(Enumerable.Range(13, 12).Select(i => $"Artist {i:00}"), Names(second));
        Assert.Equal((true, true), (second.HasPrevious, second.HasNext));
        Assert.Equal(["Artist 25"], Names(last));
        Assert.Equal((true, false), (last.HasPrevious, last.HasNext));
    }

    [DatabaseFact]
    public async Task AFullLastPageHasNoNext()
    {
        for (var i = 1; i <= ArtistListRequest.PageSize; i++)
        {
            await App.CreateArtistAsync(_admin, $"Artist {i:00}");
        }

        var page = await ListAsync();

        Assert.Equal(12, page.Artists.Count);
        Assert.False(page.HasNext);
    }

    [DatabaseTheory]
    [InlineData(0)]
    [InlineData(-3)]
    public async Task PagesBelowOneMeanTheFirstPage(int requested)
    {
        await App.CreateArtistAsync(_admin, "Nina");

        var page = await ListAsync(page: requested);

        Assert.Equal((1, false), (page.Page, page.HasPrevious));
        Assert.Equal(["Nina"], Names(page));
    }

    [DatabaseFact]
    public async Task IsFollowedIsPerViewer()
    {
        var fan = await App.CreateUserAsync();
        var stranger = await App.CreateUserAsync();
        var followed = await App.CreateArtistAsync(_admin, "Followed");
        await App.CreateArtistAsync(_admin, "Other");
        await App.FollowAsync(fan, followed);

        async Task<List<(string, bool)>> SeenBy(Actor viewer) =>
            (await ListAsync(viewer: viewer)).Artists.Select(a => (a.Name, a.IsFollowed)).ToList();

        Assert.Equal([("Followed", true), ("Other", false)], await SeenBy(fan));
        Assert.Equal([("Followed", false), ("Other", false)], await SeenBy(stranger));
        Assert.Equal([("Followed", false), ("Other", false)], await SeenBy(Actor.Anonymous));
        Assert.True((await App.As<ArtistQueries>(fan).GetAsync(followed))!.IsFollowed);
        Assert.False((await App.As<ArtistQueries>(stranger).GetAsync(followed))!.IsFollowed);
    }

    [DatabaseFact]
    public async Task DetailsListAlbumsNewestFirstWithTracksInOrder()
    {
        var id = await App.CreateArtistAsync(_admin, "Nina", "Bio");
        await App.CreateAlbumAsync(_admin, id, "Old", 1990, ("O1", "1:00"));
        await App.CreateAlbumAsync(_admin, id, "Newest", 2010, ("First", "3:00"), ("Second", "0:30"), ("Third", "90:21"));
        await App.CreateAlbumAsync(_admin, id, "Middle", 2000);
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await App.CreateAlbumAsync(_admin, id, "Newest, added later", 2010);

        var details = await App.As<ArtistQueries>(Actor.Anonymous).GetAsync(id);

        Assert.Equal(("Nina", "Bio", 0, false), (details!.Name, details.Biography, details.FollowerCount, details.IsFollowed));
        Assert.Equal(["Newest, added later", "Newest", "Middle", "Old"], details.Albums.Select(a => a.Name));
        var newest = details.Albums[1];
        Assert.Equal(
            [new TrackDetails(1, "First", 180), new TrackDetails(2, "Second", 30), new TrackDetails(3, "Third", 5421)],
            newest.Tracks);
        Assert.Equal(5631, newest.TotalSeconds);
        Assert.Equal(_admin.UserId, newest.CreatedById);
    }

    [DatabaseFact]
    public async Task DetailsOfAMissingArtistAreNull() =>
        Assert.Null(await App.As<ArtistQueries>(Actor.Anonymous).GetAsync(Guid.CreateVersion7()));

    [DatabaseTheory]
    [InlineData(int.MaxValue)]
    [InlineData(ArtistListRequest.MaxPage + 1)]
    [InlineData(int.MinValue)]
    public async Task APageOutOfRangeIsClampedNotACrash(int page)
    {
        await App.CreateArtistAsync(_admin, "Nina");

        var result = await ListAsync(page: page);

        Assert.Equal(page < 1 ? 1 : ArtistListRequest.MaxPage, result.Page);
    }

    [DatabaseFact]
    public async Task AnUnknownSortIsTheDefaultOrder()
    {
        await App.CreateArtistAsync(_admin, "Old");
        await CreateArtistLaterAsync("New");

        Assert.Equal(["New", "Old"], Names(await ListAsync(sort: (ArtistSort)99)));
    }
}
