using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MusicBlazor.Data;

namespace MusicBlazor.Catalog;

/// <summary>
/// The artist list as compiled queries, one per sort order. A list page is cheap for SQLite (a fraction of a
/// millisecond on a first page), so EF's per-call work of finding the cached translation of a LINQ query would cost
/// more than the query itself; a compiled query skips it (the browsing benchmark measures both against raw SQL).
/// </summary>
internal static class ArtistListQuery
{
    public delegate IAsyncEnumerable<ArtistCard> Page(MusicDbContext db, string? term, Guid? viewer, int skip);

    private static readonly Dictionary<ArtistSort, Page> BySort =
        Enum.GetValues<ArtistSort>().ToDictionary(sort => sort, Compile);

    public static Page For(ArtistSort sort) => BySort[sort];

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

    private static Page Compile(ArtistSort sort)
    {
        // One row more than a page tells whether there is a next page without counting every match.
        Expression<Func<MusicDbContext, string?, Guid?, int, IQueryable<ArtistCard>>> page = (db, term, viewer, skip) =>
            InSortOrder(db.Artists.AsNoTracking().Where(a => term == null || a.SearchName.Contains(term)))
                .Skip(skip)
                .Take(ArtistListRequest.PageSize + 1)
                .Select(a => new ArtistCard(
                    a.Id,
                    a.Name,
                    a.CoverImageUrl,
                    a.AlbumCount,
                    a.LatestAlbumYear == 0 ? null : a.LatestAlbumYear,
                    a.FollowerCount,
                    viewer != null && db.ArtistFollowers.Any(f => f.ArtistId == a.Id && f.UserId == viewer)));
        var compiled = EF.CompileAsyncQuery((Expression<Func<MusicDbContext, string?, Guid?, int, IQueryable<ArtistCard>>>)
            new SortOrderInliner(sort).Visit(page));
        return (db, term, viewer, skip) => compiled(db, term, viewer, skip);
    }

    /// <summary>Marks where <see cref="Sort"/> goes; <see cref="SortOrderInliner"/> replaces it before compiling.</summary>
    private static IQueryable<Artist> InSortOrder(IQueryable<Artist> artists) =>
        throw new NotSupportedException("Replaced by the sort order before the query is compiled.");

    /// <summary>
    /// Writes <see cref="Sort"/>'s ordering into the query's expression in place of <see cref="InSortOrder"/>, so the
    /// sort orders stay written once: building it over an <see cref="EnumerableQuery{T}"/> only composes expressions.
    /// </summary>
    private sealed class SortOrderInliner(ArtistSort sort) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            node.Method.Name == nameof(InSortOrder) && node.Method.DeclaringType == typeof(ArtistListQuery)
                ? Sort(new EnumerableQuery<Artist>(Visit(node.Arguments[0])), sort).Expression
                : base.VisitMethodCall(node);
    }
}
