using Microsoft.EntityFrameworkCore;
using MusicBlazor.Data;

namespace MusicBlazor.Catalog;

/// <summary>
/// Recomputes an artist's denormalised album and follower figures from the rows, in the caller's transaction,
/// so they cannot drift from what they summarise.
/// </summary>
internal static class ArtistStats
{
    public static async Task RefreshAlbumsAsync(MusicDbContext db, Guid artistId, CancellationToken cancellationToken = default)
    {
        await db.Artists.Where(a => a.Id == artistId).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.AlbumCount, a => db.Albums.Count(x => x.ArtistId == a.Id))
            .SetProperty(a => a.LatestAlbumYear, a => db.Albums.Where(x => x.ArtistId == a.Id).Max(x => (int?)x.YearReleased) ?? 0)
            .SetProperty(a => a.CoverImageUrl, a => db.Albums
                .Where(x => x.ArtistId == a.Id && x.CoverImageUrl != null)
                .OrderByDescending(x => x.YearReleased).ThenByDescending(x => x.CreatedAt)
                .Select(x => x.CoverImageUrl)
                .FirstOrDefault()),
            cancellationToken);
    }

    public static async Task RefreshFollowersAsync(MusicDbContext db, Guid artistId, CancellationToken cancellationToken = default)
    {
        await db.Artists.Where(a => a.Id == artistId).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.FollowerCount, a => db.ArtistFollowers.Count(f => f.ArtistId == a.Id)),
            cancellationToken);
    }
}
