using Microsoft.EntityFrameworkCore;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
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
            var expected = (await ArtistListQuery.Sort(db.Artists, sort).Select(a => new { a.Id, a.SearchName }).ToListAsync())
                .Where(a => a.SearchName.Contains(term, StringComparison.Ordinal)).Select(a => a.Id).Skip(skip).Take(ArtistListRequest.PageSize + 1).ToList();

            var lookedUp = await ArtistListQuery.LookUpAsync(db, sort, search, null, skip, default);
            var probedWhole = await ArtistListQuery.ProbeAsync(db, sort, search, null, skip, budget: int.MaxValue, default);
            var probedSmall = await ArtistListQuery.ProbeAsync(db, sort, search, null, skip, SmallBudget, default);
            var listed = await App.As<ArtistQueries>(Actor.Anonymous).ListAsync(new ArtistListRequest(term, sort, page));

            Assert.Equal(expected, lookedUp.Select(a => a.Id));
            // The probe answers only when it found the page and the row after it, and then with exactly those rows.
            Assert.Equal(expected.Count > ArtistListRequest.PageSize ? expected : null, probedWhole?.Select(a => a.Id));
            // A small budget finds a common term's first page, never the pages past it; the others fall back.
            var smallFinds = term == "nina" && page == 1;
            Assert.Equal(smallFinds ? expected : null, probedSmall?.Select(a => a.Id));
            Assert.Equal(expected.Take(ArtistListRequest.PageSize), listed.Artists.Select(a => a.Id));
            Assert.Equal(expected.Count > ArtistListRequest.PageSize, listed.HasNext);
        }
    }
}
