using Microsoft.EntityFrameworkCore;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Data;
using MusicBlazor.Tests.Infrastructure;
using MusicBlazor.Tests.Infrastructure.Providers;

namespace MusicBlazor.Tests.Catalog;

/// <summary>
/// A searched page is first looked for by a walk bounded to a budget of artists (the probe), and only when that
/// finds too few rows are the matches counted to choose between the whole walk and the index lookup. Whichever way
/// a page is found, it must be the same artists in the same order.
/// </summary>
public sealed class ArtistSearchProbeTests : DatabaseTest
{
    private const int SmallBudget = 60;

    private Actor _admin = null!;

    protected override async Task ArrangeAsync()
    {
        _admin = await App.CreateUserAsync(Roles.Admin);
        // Created first, so last in every order: oldest, smallest (time-ordered) id among equal figures, and after "nina" by name.
        await AddArtistsAsync(Enumerable.Range(1, 20).Select(i => $"Omega {i:00}"));
        await AddArtistsAsync(Enumerable.Range(1, 200).Select(i => i is 70 or 150 ? $"Nina Zebra {i:000}" : $"Nina {i:000}"));
    }

    private async Task AddArtistsAsync(IEnumerable<string> names)
    {
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        // Version 7 ids are ordered by the real clock's milliseconds.
        await Task.Delay(5);
        await using var db = await App.OpenDbAsync(_admin);
        db.Artists.AddRange(names.Select(n => Artist.Create(n)));
        await db.SaveChangesAsync();
    }

    [DatabaseTheory]
    [InlineData("zebra", 1)] // rare: 2 matches
    [InlineData("nina", 1)] // common: 200 matches
    [InlineData("nina", 12)] // a later page of a common term (more than the small budget in)
    [InlineData("omega", 1)] // every match at the end of the sort order
    [InlineData("omega", 2)]
    [InlineData("omega", 5)] // beyond the matches
    public async Task TheProbeTheLookupAndTheListAgree(string term, int page)
    {
        var search = ArtistSearch.For(term)!;
        var skip = (page - 1) * ArtistListRequest.PageSize;
        foreach (var (sort, _, _) in ArtistSorts.All)
        {
            await using var db = await App.OpenDbAsync();
            var expected = (await MatchesInOrderAsync(db, sort, term)).Skip(skip).Take(ArtistListRequest.PageSize + 1).ToList();

            var lookedUp = await ArtistListQuery.LookUpAsync(db, sort, search, null, skip, seek: null, default);
            var probedWhole = await ArtistListQuery.ProbeAsync(db, sort, search, null, skip, budget: int.MaxValue, seek: null, default);
            var probedSmall = await ArtistListQuery.ProbeAsync(db, sort, search, null, skip, SmallBudget, seek: null, default);
            var listed = await App.As<ArtistQueries>(Actor.Anonymous).ListAsync(new ArtistListRequest(term, sort, page));

            Assert.Equal(expected, Ids(lookedUp));
            // The probe answers only when it found the page and the row after it, and then with exactly those rows.
            Assert.Equal(expected.Count > ArtistListRequest.PageSize ? expected : null, Ids(probedWhole));
            // A small budget finds a common term's first page, never the pages past it; the others fall back.
            var smallFinds = term == "nina" && page == 1;
            Assert.Equal(smallFinds ? expected : null, Ids(probedSmall));
            Assert.Equal(expected.Take(ArtistListRequest.PageSize), listed.Artists.Select(a => a.Id));
            Assert.Equal(expected.Count > ArtistListRequest.PageSize, listed.HasNext);
        }
    }

    /// <summary>
    /// A page reached from the one before it starts just past that page's last artist, and one reached from the page
    /// after it ends just short of that page's first, whichever way it is found: the same rows as counting from the start.
    /// </summary>
    [DatabaseTheory]
    [InlineData("nina", 2)]
    [InlineData("nina", 12)]
    [InlineData("omega", 2)] // the last page of the matches
    [InlineData("zebra", 2)] // past the matches: nothing after the last one
    public async Task SeekingFromANeighbouringPageFindsTheSameRowsEveryWay(string term, int page)
    {
        var search = ArtistSearch.For(term)!;
        var skip = (page - 1) * ArtistListRequest.PageSize;
        foreach (var (sort, _, _) in ArtistSorts.All)
        {
            await using var db = await App.OpenDbAsync();
            var matches = await MatchesInOrderAsync(db, sort, term);
            var expected = matches.Skip(skip).Take(ArtistListRequest.PageSize + 1).ToList();
            var forward = new ArtistListSeek(await EdgeAsync(db, matches[Math.Min(skip, matches.Count) - 1]), Backward: false);

            Assert.Equal(expected, Ids(await ArtistListQuery.LookUpAsync(db, sort, search, null, 0, forward, default)));
            Assert.Equal(expected.Count > ArtistListRequest.PageSize ? expected : null,
                Ids(await ArtistListQuery.ProbeAsync(db, sort, search, null, 0, int.MaxValue, forward, default)));

            if (matches.Count > skip + ArtistListRequest.PageSize)
            {
                // Backward from the next page's first artist: this page in reverse, then the row before it.
                var backward = new ArtistListSeek(await EdgeAsync(db, matches[skip + ArtistListRequest.PageSize]), Backward: true);
                var expectedBack = matches.Take(skip + ArtistListRequest.PageSize).Reverse().Take(ArtistListRequest.PageSize + 1).ToList();
                Assert.Equal(expectedBack, Ids(await ArtistListQuery.LookUpAsync(db, sort, search, null, 0, backward, default)));
                Assert.Equal(expectedBack, Ids(await ArtistListQuery.ProbeAsync(db, sort, search, null, 0, int.MaxValue, backward, default)));
            }
        }
    }

    private static async Task<List<Guid>> MatchesInOrderAsync(MusicDbContext db, ArtistSort sort, string term) =>
        (await ArtistListQuery.Sort(db.Artists, sort).Select(a => new { a.Id, a.SearchName }).ToListAsync())
            .Where(a => a.SearchName.Contains(term, StringComparison.Ordinal)).Select(a => a.Id).ToList();

    private static Task<ArtistListEdge> EdgeAsync(MusicDbContext db, Guid id) =>
        db.Artists.Where(a => a.Id == id)
            .Select(a => new ArtistListEdge(a.Id, a.SearchName, a.CreatedAt, a.UpdatedAt, a.AlbumCount, a.LatestAlbumYear, a.FollowerCount))
            .SingleAsync();

    private static List<Guid>? Ids(List<ArtistListRow>? rows) => rows?.Select(r => r.Card.Id).ToList();
}
