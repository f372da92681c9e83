using Microsoft.EntityFrameworkCore;
using MusicBlazor.Data;

namespace MusicBlazor.Catalog;

/// <summary>Deletes follows set-based (the change log's triggers record each one).</summary>
internal static class FollowDeletion
{
    /// <returns>The (artist, user) pairs that were deleted.</returns>
    public static async Task<IReadOnlyList<(Guid ArtistId, Guid UserId)>> DeleteAsync(
        MusicDbContext db, IQueryable<ArtistFollower> follows, CancellationToken cancellationToken)
    {
        var deleted = (await follows.Select(f => new { f.ArtistId, f.UserId }).ToListAsync(cancellationToken))
            .Select(f => (f.ArtistId, f.UserId))
            .ToList();
        if (deleted.Count == 0)
        {
            return deleted;
        }

        await follows.ExecuteDeleteAsync(cancellationToken);
        return deleted;
    }
}
