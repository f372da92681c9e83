using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using MusicBlazor.Data;

namespace MusicBlazor.Catalog;

/// <summary>
/// The artist list, found in one of two ways (see <see cref="ArtistSearch"/>), both built from the same
/// <see cref="Sort"/> and <see cref="Card"/>:
/// <list type="bullet">
/// <item><b>Walk</b>: the list in sort order, skipping to the page and testing a search term on the way. Compiled,
/// one query per sort order: a first page is cheap for SQLite (a fraction of a millisecond), so EF's per-call work
/// of finding the cached translation of a LINQ query would cost more than the query itself (the browsing benchmark
/// measures both against raw SQL). On PostgreSQL the walk is a deferred join: the page's ids come from the sort
/// order's index alone (each carries the id and the search name: an index-only scan, no table row read for the
/// rows skipped), then the cards of just those ids. Walking the table instead reads every skipped artist's row, which
/// at a million artists made a deep page 15 times slower. SQLite needs no such help: it reads a table row only for
/// a column it returns.</item>
/// <item><b>Index lookup</b>: the artists the trigram index proposes, tested and sorted, then the cards of just the
/// page's ids (so "is followed" is worked out for the rows shown, not for every match). Ordinary LINQ, because EF
/// Core cannot compile a query over raw SQL that takes a parameter (dotnet/efcore#34374); it costs milliseconds of
/// database work, next to which the translation lookup is small.</item>
/// </list>
/// </summary>
internal static class ArtistListQuery
{
    /// <summary>One row more than a page tells whether there is a next page without counting every match.</summary>
    private const int Take = ArtistListRequest.PageSize + 1;

    /// <summary>What the list shows of an artist, for a viewer (null when signed out).</summary>
    private static readonly Expression<Func<MusicDbContext, Guid?, Artist, ArtistCard>> Card = (db, viewer, a) => new ArtistCard(
        a.Id,
        a.Name,
        a.CoverImageUrl,
        a.AlbumCount,
        a.LatestAlbumYear == 0 ? null : a.LatestAlbumYear,
        a.FollowerCount,
        viewer != null && db.ArtistFollowers.Any(f => f.ArtistId == a.Id && f.UserId == viewer));

    // Per context type: a compiled query is bound to the model of the provider it first ran on (the tests use both in one process).
    private static readonly ConcurrentDictionary<(Type Context, ArtistSort Sort, bool Bounded), Func<MusicDbContext, string?, Guid?, int, int, IAsyncEnumerable<ArtistCard>>> Walks = new();

    /// <summary>One page plus one row, in sort order, found whichever way costs less for this search and page.</summary>
    public static async Task<List<ArtistCard>> PageAsync(
        MusicDbContext db, ArtistSort sort, ArtistSearch? search, Guid? viewer, int skip, CancellationToken cancellationToken)
    {
        if (search is { CanUseIndex: true })
        {
            // Counting the matches (to choose) costs more than most pages: a common term's page is found by a short
            // walk, so that is tried first, bounded so that a rare term costs no more than the largest lookup would.
            if (await ProbeAsync(db, sort, search, viewer, skip, ArtistSearch.ProbeBudget, cancellationToken) is { } probed)
            {
                return probed;
            }

            if (await PrefersIndexAsync(db, search, skip, cancellationToken))
            {
                return await IndexLookup(db, sort, search, viewer, skip).ToListAsync(cancellationToken);
            }
        }

        return await Walk(db, sort, bounded: false)(db, search?.Term, viewer, skip, int.MaxValue).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The walk through no more than the first <paramref name="budget"/> artists in sort order: the page when they
    /// hold all of its rows (and the one after), otherwise null, since the rest of the list could still hold some.
    /// </summary>
    internal static async Task<List<ArtistCard>?> ProbeAsync(
        MusicDbContext db, ArtistSort sort, ArtistSearch search, Guid? viewer, int skip, int budget, CancellationToken cancellationToken)
    {
        if ((long)skip + Take > budget)
        {
            return null;
        }

        // Held open for the queries that may follow, rather than opened for each.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var rows = await Walk(db, sort, bounded: true)(db, search.Term, viewer, skip, budget).ToListAsync(cancellationToken);
        return rows.Count == Take ? rows : null;
    }

    private static Func<MusicDbContext, string?, Guid?, int, int, IAsyncEnumerable<ArtistCard>> Walk(MusicDbContext db, ArtistSort sort, bool bounded) =>
        Walks.GetOrAdd((db.GetType(), sort, bounded), (key, deferred) => CompileWalk(key.Sort, key.Bounded, deferred), db.Database.IsNpgsql());

    private static async Task<bool> PrefersIndexAsync(MusicDbContext db, ArtistSearch search, int skip, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var sql = ArtistSearchSql.For(db);
        var estimate = (await db.Database
            .SqlQueryRaw<IndexEstimate>(sql.Estimate, sql.Pattern(search), ArtistSearch.IndexedLookupLimit + 1)
            .ToListAsync(cancellationToken))[0];
        return search.PrefersIndex(estimate.Matches, estimate.Artists, skip);
    }

    /// <summary>The page from the trigram index's candidates, whatever the number of matches (the tests compare it with the walk).</summary>
    internal static Task<List<ArtistCard>> LookUpAsync(
        MusicDbContext db, ArtistSort sort, ArtistSearch search, Guid? viewer, int skip, CancellationToken cancellationToken) =>
        IndexLookup(db, sort, search, viewer, skip).ToListAsync(cancellationToken).AsTask();

    private static IAsyncEnumerable<ArtistCard> IndexLookup(MusicDbContext db, ArtistSort sort, ArtistSearch search, Guid? viewer, int skip)
    {
        var sql = ArtistSearchSql.For(db);
        var pageIds = Sort(db.Artists.FromSqlRaw(sql.Candidates, sql.Pattern(search)).Where(a => a.SearchName.Contains(search.Term)), sort)
            .Skip(skip)
            .Take(Take)
            .Select(a => a.Id);
        var viewerArgument = new Argument<Guid?>(viewer);
        return Sort(db.Artists.AsNoTracking().Where(a => pageIds.Contains(a.Id)), sort)
            .Select(CardFor(Expression.Constant(db), Expression.Property(Expression.Constant(viewerArgument), nameof(viewerArgument.Value))))
            .AsAsyncEnumerable();
    }

    /// <summary>The sort orders, each ending with the id so that pages never overlap or skip on ties.</summary>
    internal static IQueryable<Artist> Sort(IQueryable<Artist> artists, ArtistSort sort) => sort switch
    {
        ArtistSort.RecentlyAdded => artists.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id),
        ArtistSort.Name => artists.OrderBy(a => a.SearchName).ThenBy(a => a.Id),
        ArtistSort.AlbumCount => artists.OrderByDescending(a => a.AlbumCount).ThenByDescending(a => a.Id),
        ArtistSort.LatestRelease => artists.OrderByDescending(a => a.LatestAlbumYear).ThenByDescending(a => a.Id),
        ArtistSort.FollowerCount => artists.OrderByDescending(a => a.FollowerCount).ThenByDescending(a => a.Id),
        _ => artists.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id),
    };

    /// <param name="bounded">Only the first "budget" artists in sort order are walked (the last parameter); otherwise it is ignored.</param>
    /// <param name="deferred">Page ids first, then their cards (PostgreSQL); otherwise the cards straight from the walk.</param>
    private static Func<MusicDbContext, string?, Guid?, int, int, IAsyncEnumerable<ArtistCard>> CompileWalk(ArtistSort sort, bool bounded, bool deferred)
    {
        var db = Expression.Parameter(typeof(MusicDbContext), "db");
        var term = Expression.Parameter(typeof(string), "term");
        var viewer = Expression.Parameter(typeof(Guid?), "viewer");
        var skip = Expression.Parameter(typeof(int), "skip");
        var budget = Expression.Parameter(typeof(int), "budget");
        // Composed over expression-only queryables: Where, Sort, Skip, Take and Select build the query's expression
        // around the lambda's parameters without running anything. (A projection to cards is never tracked.)
        var artists = new EnumerableQuery<Artist>(Expression.Property(db, nameof(MusicDbContext.Artists)));
        var walked = bounded
            ? new EnumerableQuery<Artist>(Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(Artist)], Sort(artists, sort).Expression, budget))
            : (IQueryable<Artist>)artists;
        // Sorted again after the bound: the bounded walk is a subquery, and the order of its rows is the outer query's to state.
        var sorted = Sort(walked.Where(Matching(term)), sort).Expression;
        var skipped = Expression.Call(typeof(Queryable), nameof(Queryable.Skip), [typeof(Artist)], sorted, skip);
        var rows = new EnumerableQuery<Artist>(skipped).Take(Take);
        var page = (deferred ? Sort(artists.Where(IdIn(rows.Select(a => a.Id))), sort) : rows).Select(CardFor(db, viewer));
        return EF.CompileAsyncQuery(Expression.Lambda<Func<MusicDbContext, string?, Guid?, int, int, IQueryable<ArtistCard>>>(
            page.Expression, db, term, viewer, skip, budget));
    }

    /// <summary>Names that contain the term, or every name when there is no term.</summary>
    private static Expression<Func<Artist, bool>> Matching(ParameterExpression term)
    {
        Expression<Func<string?, Artist, bool>> matching = (t, a) => t == null || a.SearchName.Contains(t);
        return Expression.Lambda<Func<Artist, bool>>(
            new ReplacingExpressionVisitor([matching.Parameters[0]], [term]).Visit(matching.Body), matching.Parameters[1]);
    }

    /// <summary>Artists whose id is among <paramref name="ids"/> (a subquery: SQL <c>IN (SELECT …)</c>).</summary>
    private static Expression<Func<Artist, bool>> IdIn(IQueryable<Guid> ids)
    {
        var artist = Expression.Parameter(typeof(Artist), "a");
        return Expression.Lambda<Func<Artist, bool>>(
            Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(Guid)], ids.Expression, Expression.Property(artist, nameof(Artist.Id))),
            artist);
    }

    /// <summary><see cref="Card"/> with the context and viewer bound, the artist left as the lambda's parameter.</summary>
    private static Expression<Func<Artist, ArtistCard>> CardFor(Expression db, Expression viewer) =>
        Expression.Lambda<Func<Artist, ArtistCard>>(
            new ReplacingExpressionVisitor([Card.Parameters[0], Card.Parameters[1]], [db, viewer]).Visit(Card.Body), Card.Parameters[2]);

    /// <summary>A value read through a member, which EF turns into a SQL parameter as it does a captured variable.</summary>
    private sealed record Argument<T>(T Value);

    private sealed record IndexEstimate(int Matches, long Artists);
}
