using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Data;

namespace MusicBlazor.Notifications.Changes;

/// <summary>
/// Where changes are captured: every insert, update and delete saved through <see cref="MusicDbContext"/> becomes
/// a <see cref="ChangeEvent"/>. Captured at SavingChanges, because by SavedChanges the tracker has accepted the
/// changes and forgotten them (dotnet/efcore#35989); released by <see cref="CommitGate"/>.
/// </summary>
public sealed class ChangeCaptureInterceptor(CommitGate gate) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        gate.SaveSucceeded(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        gate.SaveSucceeded(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => gate.SaveFailed(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        gate.SaveFailed(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Capture(DbContext? context)
    {
        if (context is not MusicDbContext db)
        {
            return;
        }

        var actorId = db.Actor.UserId;
        var entries = db.ChangeTracker.Entries().ToList();
        // A track knows only its album; the services always track that album alongside it.
        var artistOfAlbum = entries.Select(e => e.Entity).OfType<Album>().ToDictionary(a => a.Id, a => a.ArtistId);
        db.PendingChanges.Stage(entries
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => ToEvent(e, actorId, artistOfAlbum))
            .OfType<ChangeEvent>()
            .ToList());
    }

    private static ChangeEvent? ToEvent(EntityEntry entry, Guid? actorId, Dictionary<Guid, Guid> artistOfAlbum)
    {
        var operation = entry.State switch
        {
            EntityState.Added => ChangeOperation.Created,
            EntityState.Deleted => ChangeOperation.Deleted,
            _ => ChangeOperation.Updated,
        };

        return entry.Entity switch
        {
            Artist a => new(operation, EntityKind.Artist, a.Id, actorId),
            Album a => new(operation, EntityKind.Album, a.Id, actorId, ArtistId: a.ArtistId),
            Track t => new(operation, EntityKind.Track, t.Id, actorId,
                ArtistId: artistOfAlbum.TryGetValue(t.AlbumId, out var artistId) ? artistId : null),
            ArtistFollower f => new(operation, EntityKind.Follow, f.UserId, actorId, ArtistId: f.ArtistId),
            Notification n => new(operation, EntityKind.Notification, n.AlbumId, actorId, RecipientUserId: n.UserId),
            ApplicationUser u => new(operation, EntityKind.User, u.Id, actorId, RecipientUserId: u.Id),
            _ => null,
        };
    }
}
