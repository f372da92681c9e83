using Microsoft.EntityFrameworkCore;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Common;
using MusicBlazor.Data;
using MusicBlazor.Data.ChangeLog;

namespace MusicBlazor.Notifications;

public sealed record NotificationItem(
    Guid AlbumId, string AlbumName, int YearReleased, string? CoverImageUrl, Guid ArtistId, string ArtistName, DateTime CreatedAt);

/// <summary>The signed-in user's notifications: read and dismiss. Nobody creates them but the album service.</summary>
public sealed class NotificationInbox(IDbContextFactory<MusicDbContext> dbFactory, ICurrentActor currentActor)
{
    /// <summary>The signed-in user's notifications, newest first, with the change log position they reflect.</summary>
    public async Task<Positioned<IReadOnlyList<NotificationItem>>> ListMineAsync(CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        if (actor.UserId is not { } userId)
        {
            return new([], 0);
        }

        return await dbFactory.ReadAtPositionAsync<IReadOnlyList<NotificationItem>>(async db => await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.AlbumId)
            .Select(n => new NotificationItem(
                n.AlbumId, n.Album!.Name, n.Album.YearReleased, n.Album.CoverImageUrl, n.Album.ArtistId, n.Album.Artist!.Name, n.CreatedAt))
            .ToListAsync(cancellationToken), cancellationToken);
    }

    public async Task DismissAsync(Guid albumId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.ForWriteAsync(cancellationToken);
        CatalogPolicy.Demand(actor.IsAuthenticated, "dismiss notifications");
        await DeleteAsync(actor, actor.UserId!.Value, albumId, cancellationToken);
    }

    /// <summary>
    /// Deletes another user's notification: only admins, and the editor who manages the album, may (as in Tunez).
    /// </summary>
    public async Task DeleteAsync(Guid recipientUserId, Guid albumId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.ForWriteAsync(cancellationToken);
        if (recipientUserId != actor.UserId)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var createdBy = await db.Albums.Where(a => a.Id == albumId).Select(a => a.CreatedById).SingleOrDefaultAsync(cancellationToken);
            CatalogPolicy.Demand(CatalogPolicy.CanManageAlbum(actor, createdBy), "dismiss another user's notification");
        }

        CatalogPolicy.Demand(actor.IsAuthenticated, "dismiss notifications");
        await DeleteAsync(actor, recipientUserId, albumId, cancellationToken);
    }

    public async Task DismissAllAsync(CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.ForWriteAsync(cancellationToken);
        CatalogPolicy.Demand(actor.IsAuthenticated, "dismiss notifications");
        await using var db = await dbFactory.OpenAsync(actor, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await NotificationWriter.DeleteForUserAsync(db, actor.UserId!.Value, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task DeleteAsync(Actor actor, Guid recipientUserId, Guid albumId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.OpenAsync(actor, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await NotificationWriter.DeleteAsync(
            db, db.Notifications.Where(n => n.UserId == recipientUserId && n.AlbumId == albumId), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
