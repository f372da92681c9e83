using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MusicBlazor.Accounts;
using MusicBlazor.Data;
using MusicBlazor.Data.ChangeLog;

namespace MusicBlazor.Catalog;

/// <param name="From">The page shown when the user moved to this one: a neighbouring page continues from its edge (see <see cref="ArtistListSeek"/>).</param>
public sealed record ArtistListRequest(string? Search, ArtistSort Sort, int Page, ArtistListBounds? From = null)
{
    public const int PageSize = 12;

    /// <summary>The last page whose first row can be skipped to without overflowing a 32-bit offset.</summary>
    public const int MaxPage = int.MaxValue / PageSize;

    public int SafePage => Math.Clamp(Page, 1, MaxPage);

    public ArtistSort SafeSort => Enum.IsDefined(Sort) ? Sort : ArtistSort.RecentlyUpdated;

    /// <summary>A page number as written in a URL; anything but a whole number from 1 to <see cref="MaxPage"/> is the first page.</summary>
    public static int ParsePage(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= MaxPage ? page : 1;
}

public sealed record ArtistCard(
    Guid Id, string Name, string? CoverImageUrl, int AlbumCount, int? LatestAlbumYear, int FollowerCount, bool IsFollowed);

/// <param name="Position">The last change log sequence this page reflects: a live view applies only later changes.</param>
/// <param name="Bounds">The page's first and last artist, for a move to the page next to it (null when the page is empty).</param>
public sealed record ArtistListResult(
    IReadOnlyList<ArtistCard> Artists, int Page, bool HasPrevious, bool HasNext, long Position = 0, ArtistListBounds? Bounds = null);

public sealed record ArtistDetails(
    Guid Id,
    string Name,
    IReadOnlyList<string> PreviousNames,
    string? Biography,
    int FollowerCount,
    bool IsFollowed,
    IReadOnlyList<AlbumDetails> Albums,
    long Position = 0);

public sealed record AlbumDetails(
    Guid Id, string Name, int YearReleased, string? CoverImageUrl, Guid? CreatedById, IReadOnlyList<TrackDetails> Tracks)
{
    public int TotalSeconds => Tracks.Sum(t => t.DurationSeconds);
}

public sealed record TrackDetails(int Number, string Name, int DurationSeconds);

/// <summary>Read side of the catalog: what the artist list and the artist page show.</summary>
public sealed class ArtistQueries(IDbContextFactory<MusicDbContext> dbFactory, ICurrentActor currentActor)
{
    public async Task<ArtistListResult> ListAsync(ArtistListRequest request, CancellationToken cancellationToken = default)
    {
        var viewer = (await currentActor.GetAsync()).UserId;
        var (page, sort, search) = (request.SafePage, request.SafeSort, ArtistSearch.For(request.Search));
        var seek = ArtistListSeek.For(request, search);
        var ((rows, backward), position) = await dbFactory.ReadAtPositionAsync(async db =>
        {
            if (seek is not null)
            {
                var sought = await ArtistListQuery.PageAsync(db, sort, search, viewer, 0, seek, cancellationToken);
                // Walking back from the edge and reaching the start of the list within a page means the list changed
                // since the edge was shown: the page is then counted from the start, like a page typed into the URL.
                if (!seek.Backward || sought.Count > ArtistListRequest.PageSize)
                {
                    return (sought, seek.Backward);
                }
            }

            return (await ArtistListQuery.PageAsync(db, sort, search, viewer, (page - 1) * ArtistListRequest.PageSize, null, cancellationToken), false);
        }, cancellationToken);

        // Rows come one past the page, in the order walked: the row past a backward walk is the one before the page.
        var shown = rows.Take(ArtistListRequest.PageSize).ToList();
        if (backward)
        {
            shown.Reverse();
        }

        return new ArtistListResult(
            shown.Select(r => r.Card).ToList(),
            page,
            HasPrevious: page > 1,
            HasNext: backward || rows.Count > ArtistListRequest.PageSize,
            position,
            shown.Count == 0 ? null : new ArtistListBounds(search?.Term, sort, page, shown[0].Edge, shown[^1].Edge));
    }

    public async Task<ArtistDetails?> GetAsync(Guid artistId, CancellationToken cancellationToken = default)
    {
        var viewer = (await currentActor.GetAsync()).UserId;
        var (details, position) = await dbFactory.ReadAtPositionAsync(db => ReadDetailsAsync(db, artistId, viewer, cancellationToken), cancellationToken);
        return details is null ? null : details with { Position = position };
    }

    private static async Task<ArtistDetails?> ReadDetailsAsync(MusicDbContext db, Guid artistId, Guid? viewer, CancellationToken cancellationToken)
    {
        var artist = await db.Artists.AsNoTracking()
            .Where(a => a.Id == artistId)
            .Select(a => new
            {
                a.Id,
                a.Name,
                a.PreviousNames,
                a.Biography,
                a.FollowerCount,
                IsFollowed = viewer != null && db.ArtistFollowers.Any(f => f.ArtistId == a.Id && f.UserId == viewer),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (artist is null)
        {
            return null;
        }

        var albums = await db.Albums.AsNoTracking()
            .Where(a => a.ArtistId == artistId)
            .OrderByDescending(a => a.YearReleased).ThenByDescending(a => a.CreatedAt)
            .Select(a => new
            {
                a.Id, a.Name, a.YearReleased, a.CoverImageUrl, a.CreatedById,
                Tracks = a.Tracks.OrderBy(t => t.Order).Select(t => new { t.Name, t.DurationSeconds }).ToList(),
            })
            .ToListAsync(cancellationToken);

        return new ArtistDetails(artist.Id, artist.Name, artist.PreviousNames, artist.Biography, artist.FollowerCount, artist.IsFollowed,
            albums.Select(a => new AlbumDetails(a.Id, a.Name, a.YearReleased, a.CoverImageUrl, a.CreatedById,
                a.Tracks.Select((t, i) => new TrackDetails(i + 1, t.Name, t.DurationSeconds)).ToList())).ToList());
    }
}
