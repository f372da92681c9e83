using Microsoft.EntityFrameworkCore;
using MusicBlazor.Accounts;
using MusicBlazor.Common;
using MusicBlazor.Data;

namespace MusicBlazor.Catalog;

/// <summary>Follow and unfollow are idempotent: following twice keeps one row, unfollowing a stranger changes nothing.</summary>
public sealed class FollowService(IDbContextFactory<MusicDbContext> dbFactory, ICurrentActor currentActor, TimeProvider clock)
{
    public async Task FollowAsync(Guid artistId, CancellationToken cancellationToken = default)
    {
        var (actor, userId) = await DemandSignedInAsync("follow artists");
        await using var db = await dbFactory.OpenAsync(actor, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.Artists.AnyAsync(a => a.Id == artistId, cancellationToken))
        {
            throw new NotFoundException("This artist no longer exists.");
        }

        if (await db.ArtistFollowers.AnyAsync(f => f.ArtistId == artistId && f.UserId == userId, cancellationToken))
        {
            return;
        }

        db.ArtistFollowers.Add(new ArtistFollower { ArtistId = artistId, UserId = userId, CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        await ArtistStats.RefreshFollowersAsync(db, artistId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task UnfollowAsync(Guid artistId, CancellationToken cancellationToken = default)
    {
        var (actor, userId) = await DemandSignedInAsync("unfollow artists");
        await using var db = await dbFactory.OpenAsync(actor, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await FollowDeletion.DeleteAsync(
            db, db.ArtistFollowers.Where(f => f.ArtistId == artistId && f.UserId == userId), cancellationToken);
        if (removed.Count == 0)
        {
            return;
        }

        await ArtistStats.RefreshFollowersAsync(db, artistId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<(Actor Actor, Guid UserId)> DemandSignedInAsync(string action)
    {
        var actor = await currentActor.ForWriteAsync();
        CatalogPolicy.Demand(CatalogPolicy.CanFollow(actor), action);
        return (actor, actor.UserId!.Value);
    }
}
