using Microsoft.EntityFrameworkCore;
using MusicBlazor.Data;
using MusicBlazor.Notifications.Changes;

namespace MusicBlazor.Catalog;

/// <summary>Deletes follows set-based and records each one as a change event (open pages show follower counts).</summary>
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
        db.RecordExecutedChanges(deleted
            .Select(f => new ChangeEvent(ChangeOperation.Deleted, EntityKind.Follow, f.UserId, db.Actor.UserId, ArtistId: f.ArtistId))
            .ToList());
        return deleted;
    }
}
