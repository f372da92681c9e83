using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using MusicBlazor.Data;

namespace MusicBlazor.Catalog;

/// <summary>
/// The artist list, found in one of two ways (see <see cref="ArtistSearch"/>), both built from the same
/// <see cref="Sort"/> and <see cref="Row"/>:
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

    /// <summary>What the list shows of an artist, for a viewer (null when signed out), and where it stands in each sort order.</summary>
    private static readonly Expression<Func<MusicDbContext, Guid?, Artist, ArtistListRow>> Row = (db, viewer, a) => new ArtistListRow(
        new ArtistCard(
            a.Id,
            a.Name,
            a.CoverImageUrl,
            a.AlbumCount,
            a.LatestAlbumYear == 0 ? null : a.LatestAlbumYear,
            a.FollowerCount,
            viewer != null && db.ArtistFollowers.Any(f => f.ArtistId == a.Id && f.UserId == viewer)),
        new ArtistListEdge(a.Id, a.SearchName, a.CreatedAt, a.UpdatedAt, a.AlbumCount, a.LatestAlbumYear, a.FollowerCount));

    // Per context type: a compiled query is bound to the model of the provider it first ran on (the tests use both in one process).
    private static readonly ConcurrentDictionary<(Type Context, ArtistSort Sort, bool Bounded, Seeking Seeking), Walker> Walks = new();

    /// <summary>A compiled walk: (db, term, viewer, skip, budget, edge) to the page's rows.</summary>
    private delegate IAsyncEnumerable<ArtistListRow> Walker(MusicDbContext db, string? term, Guid? viewer, int skip, int budget, ArtistListEdge? edge);

    /// <summary>Where a walk starts: at the start of the sort order, or past a shown artist (forward or back).</summary>
    private enum Seeking
    {
        FromStart,
        Forward,
        Backward,
    }

    /// <summary>
    /// One page plus one row, found whichever way costs less for this search and page, in the order walked: the sort
    /// order, or its reverse when seeking backward (the row past a page then is the one before it).
    /// </summary>
    /// <param name="skip">Matches passed before the page: from the start of the order, or from the seek's edge (then 0).</param>
    public static async Task<List<ArtistListRow>> PageAsync(
        MusicDbContext db, ArtistSort sort, ArtistSearch? search, Guid? viewer, int skip, ArtistListSeek? seek, CancellationToken cancellationToken)
    {
        if (search is { CanUseIndex: true })
        {
            // Counting the matches (to choose) costs more than most pages: a common term's page is found by a short
            // walk, so that is tried first, bounded so that a rare term costs no more than the largest lookup would.
            if (await ProbeAsync(db, sort, search, viewer, skip, ArtistSearch.ProbeBudget, seek, cancellationToken) is { } probed)
            {
                return probed;
            }

            if (await PrefersIndexAsync(db, search, skip, cancellationToken))
            {
                return await IndexLookup(db, sort, search, viewer, skip, seek).ToListAsync(cancellationToken);
            }
        }

        return await Walk(db, sort, bounded: false, seek)(db, search?.Term, viewer, skip, int.MaxValue, seek?.Edge).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The walk through no more than the first <paramref name="budget"/> artists in sort order (from the seek's edge,
    /// if any): the page when they hold all of its rows (and the one after), otherwise null, since the rest of the list
    /// could still hold some.
    /// </summary>
    internal static async Task<List<ArtistListRow>?> ProbeAsync(
        MusicDbContext db, ArtistSort sort, ArtistSearch search, Guid? viewer, int skip, int budget, ArtistListSeek? seek, CancellationToken cancellationToken)
    {
        if ((long)skip + Take > budget)
        {
            return null;
        }

        // Held open for the queries that may follow, rather than opened for each.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var rows = await Walk(db, sort, bounded: true, seek)(db, search.Term, viewer, skip, budget, seek?.Edge).ToListAsync(cancellationToken);
        return rows.Count == Take ? rows : null;
    }

    private static Walker Walk(MusicDbContext db, ArtistSort sort, bool bounded, ArtistListSeek? seek) =>
        Walks.GetOrAdd(
            (db.GetType(), sort, bounded, seek is null ? Seeking.FromStart : seek.Backward ? Seeking.Backward : Seeking.Forward),
            static (key, postgres) => CompileWalk(key.Sort, key.Bounded, key.Seeking, postgres),
            db.Database.IsNpgsql());

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
    internal static Task<List<ArtistListRow>> LookUpAsync(
        MusicDbContext db, ArtistSort sort, ArtistSearch search, Guid? viewer, int skip, ArtistListSeek? seek, CancellationToken cancellationToken) =>
        IndexLookup(db, sort, search, viewer, skip, seek).ToListAsync(cancellationToken).AsTask();

    private static IAsyncEnumerable<ArtistListRow> IndexLookup(MusicDbContext db, ArtistSort sort, ArtistSearch search, Guid? viewer, int skip, ArtistListSeek? seek)
    {
        var sql = ArtistSearchSql.For(db);
        var reversed = seek is { Backward: true };
        var candidates = db.Artists.FromSqlRaw(sql.Candidates, sql.Pattern(search)).Where(a => a.SearchName.Contains(search.Term));
        if (seek is not null)
        {
            var edge = Expression.Property(Expression.Constant(new Argument<ArtistListEdge>(seek.Edge)), nameof(Argument<>.Value));
            candidates = candidates.Where(ArtistListSeek.Beyond(
                sort, reversed, Expression.Property(edge, KeyName(sort)), Expression.Property(edge, nameof(ArtistListEdge.Id)), db.Database.IsNpgsql()));
        }

        var pageIds = Sort(candidates, sort, reversed).Skip(skip).Take(Take).Select(a => a.Id);
        var viewerArgument = new Argument<Guid?>(viewer);
        return Sort(db.Artists.AsNoTracking().Where(a => pageIds.Contains(a.Id)), sort, reversed)
            .Select(RowFor(Expression.Constant(db), Expression.Property(Expression.Constant(viewerArgument), nameof(viewerArgument.Value))))
            .AsAsyncEnumerable();
    }

    /// <summary>The column each sort order sorts by (an <see cref="Artist"/> and an <see cref="ArtistListEdge"/> property alike).</summary>
    internal static string KeyName(ArtistSort sort) => sort switch
    {
        ArtistSort.RecentlyAdded => nameof(Artist.CreatedAt),
        ArtistSort.Name => nameof(Artist.SearchName),
        ArtistSort.AlbumCount => nameof(Artist.AlbumCount),
        ArtistSort.LatestRelease => nameof(Artist.LatestAlbumYear),
        ArtistSort.FollowerCount => nameof(Artist.FollowerCount),
        _ => nameof(Artist.UpdatedAt),
    };

    /// <summary>Every order but the name runs from the highest value down.</summary>
    internal static bool IsDescending(ArtistSort sort) => sort != ArtistSort.Name;

    /// <summary>The sort orders (or their reverse), each ending with the id so that pages never overlap or skip on ties.</summary>
    internal static IQueryable<Artist> Sort(IQueryable<Artist> artists, ArtistSort sort, bool reversed = false)
    {
        var artist = Expression.Parameter(typeof(Artist), "a");
        var key = Expression.Property(artist, KeyName(sort));
        var descending = IsDescending(sort) != reversed;
        var ordered = Expression.Call(
            typeof(Queryable), descending ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy), [typeof(Artist), key.Type],
            artists.Expression, Expression.Quote(Expression.Lambda(key, artist)));
        var thenById = Expression.Call(
            typeof(Queryable), descending ? nameof(Queryable.ThenByDescending) : nameof(Queryable.ThenBy), [typeof(Artist), typeof(Guid)],
            ordered, Expression.Quote(Expression.Lambda(Expression.Property(artist, nameof(Artist.Id)), artist)));
        return artists.Provider.CreateQuery<Artist>(thenById);
    }

    /// <param name="bounded">Only the first "budget" artists in sort order are walked (the budget parameter); otherwise it is ignored.</param>
    /// <param name="postgres">Page ids first, then their rows (a deferred join), and row-value seeks; otherwise the rows straight from the walk.</param>
    private static Walker CompileWalk(ArtistSort sort, bool bounded, Seeking seeking, bool postgres)
    {
        var db = Expression.Parameter(typeof(MusicDbContext), "db");
        var term = Expression.Parameter(typeof(string), "term");
        var viewer = Expression.Parameter(typeof(Guid?), "viewer");
        var skip = Expression.Parameter(typeof(int), "skip");
        var budget = Expression.Parameter(typeof(int), "budget");
        // The edge as two scalars: EF cannot read a member of a compiled query's parameter.
        var keyType = typeof(Artist).GetProperty(KeyName(sort))!.PropertyType;
        var edgeKey = Expression.Parameter(keyType, "edgeKey");
        var edgeId = Expression.Parameter(typeof(Guid), "edgeId");
        var reversed = seeking == Seeking.Backward;
        // Composed over expression-only queryables: Where, Sort, Skip, Take and Select build the query's expression
        // around the lambda's parameters without running anything. (A projection to rows is never tracked.)
        var artists = new EnumerableQuery<Artist>(Expression.Property(db, nameof(MusicDbContext.Artists)));
        var start = seeking == Seeking.FromStart ? artists : artists.Where(ArtistListSeek.Beyond(sort, reversed, edgeKey, edgeId, postgres));
        var walked = bounded
            ? new EnumerableQuery<Artist>(Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(Artist)], Sort(start, sort, reversed).Expression, budget))
            : start;
        // Sorted again after the bound: the bounded walk is a subquery, and the order of its rows is the outer query's to state.
        var sorted = Sort(walked.Where(Matching(term)), sort, reversed).Expression;
        var skipped = Expression.Call(typeof(Queryable), nameof(Queryable.Skip), [typeof(Artist)], sorted, skip);
        var rows = new EnumerableQuery<Artist>(skipped).Take(Take);
        var page = (postgres ? Sort(artists.Where(IdIn(rows.Select(a => a.Id))), sort, reversed) : rows).Select(RowFor(db, viewer));
        var query = Expression.Lambda(page.Expression, db, term, viewer, skip, budget, edgeKey, edgeId);
        var edge = Expression.Parameter(typeof(ArtistListEdge), "edge");
        var keyOf = Expression.Lambda(Expression.Property(edge, KeyName(sort)), edge).Compile();
        return (Walker)typeof(ArtistListQuery).GetMethod(nameof(Compile), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(keyType).Invoke(null, [query, keyOf])!;
    }

    private static Walker Compile<TKey>(LambdaExpression query, Func<ArtistListEdge, TKey> keyOf)
    {
        var compiled = EF.CompileAsyncQuery((Expression<Func<MusicDbContext, string?, Guid?, int, int, TKey, Guid, IQueryable<ArtistListRow>>>)query);
        return (db, term, viewer, skip, budget, edge) =>
            compiled(db, term, viewer, skip, budget, edge is null ? default! : keyOf(edge), edge?.Id ?? Guid.Empty);
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

    /// <summary><see cref="Row"/> with the context and viewer bound, the artist left as the lambda's parameter.</summary>
    private static Expression<Func<Artist, ArtistListRow>> RowFor(Expression db, Expression viewer) =>
        Expression.Lambda<Func<Artist, ArtistListRow>>(
            new ReplacingExpressionVisitor([Row.Parameters[0], Row.Parameters[1]], [db, viewer]).Visit(Row.Body), Row.Parameters[2]);

    /// <summary>A value read through a member, which EF turns into a SQL parameter as it does a captured variable.</summary>
    private sealed record Argument<T>(T Value);

    private sealed record IndexEstimate(int Matches, long Artists);
}

/// <summary>An artist as the list shows it, and where it stands in each sort order.</summary>
internal sealed record ArtistListRow(ArtistCard Card, ArtistListEdge Edge);
