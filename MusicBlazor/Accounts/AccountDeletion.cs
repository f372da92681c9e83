using Microsoft.EntityFrameworkCore;
using MusicBlazor.Catalog;
using MusicBlazor.Common;
using MusicBlazor.Data;
using MusicBlazor.Notifications;

namespace MusicBlazor.Accounts;

/// <summary>
/// Deletes an account with its follows and notifications in one transaction, each removal a change event, and
/// refreshes the follower counts of the artists it followed. Used by admins and by "Delete personal data".
/// </summary>
public static class AccountDeletion
{
    public static async Task DeleteAsync(
        IDbContextFactory<MusicDbContext> dbFactory, Actor actor, Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.OpenAsync(actor, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw new NotFoundException("This account no longer exists.");

        await NotificationWriter.DeleteForUserAsync(db, userId, cancellationToken);

        var unfollowed = await FollowDeletion.DeleteAsync(db, db.ArtistFollowers.Where(f => f.UserId == userId), cancellationToken);
        foreach (var (artist, _) in unfollowed)
        {
            await ArtistStats.RefreshFollowersAsync(db, artist, cancellationToken);
        }

        db.Users.Remove(user);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
