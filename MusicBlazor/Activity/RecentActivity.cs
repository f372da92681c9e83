using Microsoft.EntityFrameworkCore;
using MusicBlazor.Data;

namespace MusicBlazor.Activity;

/// <summary>One line of the feed: several tracks added to one album in a row read as one line.</summary>
public sealed record ActivityLine(
    long Sequence, DateTime At, ActivityKind Kind, Guid ArtistId, string ArtistName, Guid? AlbumId, string? AlbumName, string? Detail, int Count = 1);

/// <summary>
/// Reads the <b>Recent activity</b> feed, newest first: the whole catalog's or one artist's. The catalog is public, so
/// a viewer may see every line whose artist and album still exist; lines about deleted records are left out.
/// </summary>
public sealed class RecentActivity(IDbContextFactory<MusicDbContext> dbFactory)
{
    public const int Lines = 8;

    public async Task<IReadOnlyList<ActivityLine>> ReadAsync(Guid? artistId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = db.ActivityItems.AsNoTracking();
        if (artistId is { } artist)
        {
            items = items.Where(i => i.ArtistId == artist);
        }

        // Enough rows for a burst of tracks to collapse into a line and still fill the feed.
        var rows = await items
            .Where(i => db.Artists.Any(a => a.Id == i.ArtistId) && (i.AlbumId == null || db.Albums.Any(a => a.Id == i.AlbumId)))
            .OrderByDescending(i => i.Sequence)
            .Take(Lines * 8)
            .ToListAsync(cancellationToken);
        return Collapse(rows).Take(Lines).ToList();
    }

    private static IEnumerable<ActivityLine> Collapse(IEnumerable<ActivityItem> newestFirst)
    {
        ActivityLine? pending = null;
        foreach (var item in newestFirst)
        {
            if (pending is { Kind: ActivityKind.TrackAdded } tracks && item.Kind == ActivityKind.TrackAdded && item.AlbumId == tracks.AlbumId)
            {
                pending = tracks with { Count = tracks.Count + 1 };
                continue;
            }

            if (pending is not null)
            {
                yield return pending;
            }

            pending = new ActivityLine(item.Sequence, item.At, item.Kind, item.ArtistId, item.ArtistName, item.AlbumId, item.AlbumName, item.Detail);
        }

        if (pending is not null)
        {
            yield return pending;
        }
    }
}
