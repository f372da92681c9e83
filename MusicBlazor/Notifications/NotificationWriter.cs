using Microsoft.EntityFrameworkCore;
using MusicBlazor.Catalog;
using MusicBlazor.Data;

namespace MusicBlazor.Notifications;

/// <summary>
/// Writes and deletes notification rows set-based. Call inside the transaction that creates or deletes the album,
/// so both commit (and reach the log) together.
/// </summary>
internal static class NotificationWriter
{
    /// <summary>One statement: a notification for every follower of the album's artist except its creator.</summary>
    /// <remarks>
    /// The change log gets one row for the album, not one per recipient: the transaction's <c>ChangeContext</c> is
    /// marked as fanning out, which the Notifications insert trigger skips, and the row is written here instead.
    /// The bus expands it to the recipients who are online after the commit (<see cref="Bus.NotificationRecipients"/>).
    /// A row per recipient (or reading the recipients here) made the writer 1.3–2.5× the cost of the bare insert at
    /// 10,000 followers (MusicBlazor.Benchmarks, fan-out write), and every writer would pay it, online followers or not.
    /// </remarks>
    public static Task WriteForNewAlbumAsync(MusicDbContext db, Album album, DateTime now, CancellationToken cancellationToken = default)
    {
        var creator = album.CreatedById ?? Guid.Empty;
        // One command: each extra statement through EF costs the writer a few hundred microseconds, which at 10,000
        // followers is several per cent of the insert itself. changes() is the row count of the insert just before it.
        // Without a transaction there is no context row: the trigger then logs each notification itself, and this
        // writes no log row.
        return db.Database.ExecuteSqlAsync($"""
            UPDATE "ChangeContext" SET "FanOut" = 1;
            INSERT INTO "Notifications" ("UserId", "AlbumId", "CreatedAt")
            SELECT f."UserId", {album.Id}, {now}
            FROM "ArtistFollowers" AS f
            WHERE f."ArtistId" = {album.ArtistId} AND f."UserId" <> {creator};
            INSERT INTO "ChangeLog" ("Operation", "Entity", "EntityId", "ArtistId", "AlbumId", "ActorId", "Suppressed")
            SELECT 0, 4, {album.Id}, {album.ArtistId}, {album.Id}, "ActorId", "Suppressed" FROM "ChangeContext" WHERE changes() > 0;
            UPDATE "ChangeContext" SET "FanOut" = 0;
            """, cancellationToken);
    }

    public static Task<int> DeleteForAlbumsAsync(MusicDbContext db, IReadOnlyCollection<Guid> albumIds, CancellationToken cancellationToken = default) =>
        DeleteAsync(db, db.Notifications.Where(n => albumIds.Contains(n.AlbumId)), cancellationToken);

    public static Task<int> DeleteForUserAsync(MusicDbContext db, Guid userId, CancellationToken cancellationToken = default) =>
        DeleteAsync(db, db.Notifications.Where(n => n.UserId == userId), cancellationToken);

    public static Task<int> DeleteAsync(MusicDbContext db, IQueryable<Notification> notifications, CancellationToken cancellationToken = default) =>
        notifications.ExecuteDeleteAsync(cancellationToken);
}
