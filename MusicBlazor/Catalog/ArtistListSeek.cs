using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using MusicBlazor.Data;

namespace MusicBlazor.Catalog;

/// <summary>A shown artist as the sort orders see it: its value in each order and its id, which breaks ties.</summary>
public sealed record ArtistListEdge(
    Guid Id, string SearchName, DateTime CreatedAt, DateTime UpdatedAt, int AlbumCount, int LatestAlbumYear, int FollowerCount);

/// <summary>The first and last artist of a shown page: the pages on either side of it continue from them.</summary>
public sealed record ArtistListBounds(string? Term, ArtistSort Sort, int Page, ArtistListEdge First, ArtistListEdge Last)
{
    /// <summary>
    /// The bounds a page's URL implies (<c>?after=…</c> or <c>?before=…</c>, see <see cref="ArtistListEdgeText"/>):
    /// the page before it ended at that edge, or the page after it began there. Null when neither is there or readable.
    /// </summary>
    public static ArtistListBounds? FromUrl(string? search, ArtistSort sort, int page, string? after, string? before)
    {
        var term = ArtistSearch.For(search)?.Term;
        return ArtistListEdgeText.Parse(after, sort) is { } last ? new ArtistListBounds(term, sort, page - 1, last, last)
            : ArtistListEdgeText.Parse(before, sort) is { } first ? new ArtistListBounds(term, sort, page + 1, first, first)
            : null;
    }
}

/// <summary>
/// An edge as a URL carries it, so that a reload, a shared link or Back from an artist's page seeks as the pager did:
/// the id (32 hex digits), a dot, then the value in the sort order, which is all a seek reads.
/// </summary>
public static class ArtistListEdgeText
{
    public static string Format(ArtistListEdge edge, ArtistSort sort) => edge.Id.ToString("N") + "." + sort switch
    {
        ArtistSort.RecentlyAdded => edge.CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture),
        ArtistSort.Name => edge.SearchName,
        ArtistSort.AlbumCount => edge.AlbumCount.ToString(CultureInfo.InvariantCulture),
        ArtistSort.LatestRelease => edge.LatestAlbumYear.ToString(CultureInfo.InvariantCulture),
        ArtistSort.FollowerCount => edge.FollowerCount.ToString(CultureInfo.InvariantCulture),
        _ => edge.UpdatedAt.Ticks.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The edge a URL names (its other sort values left empty), or null for anything else.</summary>
    public static ArtistListEdge? Parse(string? text, ArtistSort sort)
    {
        if (text is not { Length: > 33 } || text[32] != '.' || !Guid.TryParseExact(text.AsSpan(0, 32), "N", out var id))
        {
            return null;
        }

        var value = text[33..];
        var empty = new ArtistListEdge(id, "", default, default, 0, 0, 0);
        if (sort == ArtistSort.Name)
        {
            return value.Length <= Artist.NameMaxLength * 4 ? empty with { SearchName = value } : null;
        }

        if (sort is ArtistSort.RecentlyAdded or ArtistSort.RecentlyUpdated)
        {
            return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks
                ? sort == ArtistSort.RecentlyAdded
                    ? empty with { CreatedAt = new DateTime(ticks, DateTimeKind.Utc) }
                    : empty with { UpdatedAt = new DateTime(ticks, DateTimeKind.Utc) }
                : null;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        return sort switch
        {
            ArtistSort.AlbumCount => empty with { AlbumCount = number },
            ArtistSort.LatestRelease => empty with { LatestAlbumYear = number },
            _ => empty with { FollowerCount = number },
        };
    }
}

/// <summary>
/// Keyset ("seek") navigation: the page after a shown one starts just past its last artist in sort order, the page
/// before it just short of its first, so the database starts its index scan there instead of counting its way past
/// every earlier artist as <c>OFFSET</c> must (at a million artists, 0.1 ms against 150 ms for page 50,000). Only a
/// move to a neighbouring page of the same list seeks; a page number typed into the URL, a jump, or the first page
/// count from the start, and a seek that finds the list changed under it (fewer than a page before the edge) does too.
/// </summary>
/// <param name="Edge">The shown artist the page continues from; the page holds none of it.</param>
/// <param name="Backward">The page before the shown one: the walk runs the sort order in reverse from the edge.</param>
internal sealed record ArtistListSeek(ArtistListEdge Edge, bool Backward)
{
    /// <summary>The seek for a request, when it moves to a page next to the one shown; otherwise null (count from the start).</summary>
    public static ArtistListSeek? For(ArtistListRequest request, ArtistSearch? search)
    {
        if (request.From is not { } from || from.Sort != request.SafeSort || from.Term != search?.Term || request.SafePage == 1)
        {
            return null;
        }

        return request.SafePage == from.Page + 1 ? new ArtistListSeek(from.Last, Backward: false)
            : request.SafePage == from.Page - 1 ? new ArtistListSeek(from.First, Backward: true)
            : null;
    }

    /// <summary>
    /// Artists past <paramref name="edge"/> in the order walked (the sort order, or its reverse): a key further on, or
    /// the same key and an id further on. PostgreSQL compares the (key, id) row values, which its B-tree index seeks to
    /// in one step even inside a long run of equal keys; SQLite gets the equivalent key-range form it can seek on.
    /// </summary>
    /// <param name="edgeKey">The edge's value in the sort order: a compiled query's parameter or a captured value.</param>
    /// <param name="edgeId">The edge's id, likewise.</param>
    public static Expression<Func<Artist, bool>> Beyond(ArtistSort sort, bool reversed, Expression edgeKey, Expression edgeId, bool rowValues)
    {
        var artist = Expression.Parameter(typeof(Artist), "a");
        var (key, id) = (Expression.Property(artist, ArtistListQuery.KeyName(sort)), Expression.Property(artist, nameof(Artist.Id)));
        var descending = ArtistListQuery.IsDescending(sort) != reversed;
        var onward = descending ? ExpressionType.LessThan : ExpressionType.GreaterThan;
        Expression body = rowValues
            ? Expression.Call(
                descending ? RowLessThan : RowGreaterThan, Expression.Property(null, typeof(EF), nameof(EF.Functions)), Row(key, id), Row(edgeKey, edgeId))
            : Expression.AndAlso(
                Compare(key, descending ? ExpressionType.LessThanOrEqual : ExpressionType.GreaterThanOrEqual, edgeKey),
                Expression.OrElse(Compare(key, onward, edgeKey), Compare(id, onward, edgeId)));
        return Expression.Lambda<Func<Artist, bool>>(body, artist);
    }

    private static readonly MethodInfo RowLessThan = RowComparison(nameof(NpgsqlDbFunctionsExtensions.LessThan));
    private static readonly MethodInfo RowGreaterThan = RowComparison(nameof(NpgsqlDbFunctionsExtensions.GreaterThan));

    private static MethodInfo RowComparison(string name) =>
        typeof(NpgsqlDbFunctionsExtensions).GetMethod(name, [typeof(DbFunctions), typeof(ITuple), typeof(ITuple)])!;

    /// <summary>(key, id) as the tuple Npgsql turns into a SQL row value.</summary>
    private static Expression Row(Expression key, Expression id)
    {
        var tuple = typeof(ValueTuple<,>).MakeGenericType(key.Type, id.Type);
        return Expression.Convert(Expression.New(tuple.GetConstructor([key.Type, id.Type])!, key, id), typeof(ITuple));
    }

    /// <summary>A comparison EF translates to the SQL operator (strings through CompareTo, ids through <see cref="IdOrder"/>).</summary>
    private static Expression Compare(Expression left, ExpressionType comparison, Expression right)
    {
        if (left.Type == typeof(Guid))
        {
            // Ids only break ties, strictly: no id is before or after itself.
            var method = comparison switch
            {
                ExpressionType.LessThan => nameof(IdOrder.Before),
                ExpressionType.GreaterThan => nameof(IdOrder.After),
                _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, "Ids are compared strictly."),
            };
            return Expression.Call(typeof(IdOrder).GetMethod(method)!, left, right);
        }

        return left.Type == typeof(string)
            ? Expression.MakeBinary(comparison, Expression.Call(left, typeof(string).GetMethod(nameof(string.CompareTo), [typeof(string)])!, right), Expression.Constant(0))
            : Expression.MakeBinary(comparison, left, right);
    }
}
