using Microsoft.EntityFrameworkCore;
using MusicBlazor.Catalog;
using MusicBlazor.Data;
using MusicBlazor.Data.ChangeLog;

namespace MusicBlazor.Notifications;

/// <summary>
/// Writes and deletes notification rows set-based. Call inside the transaction that creates or deletes the album,
/// so both commit (and reach the log) together.
/// </summary>
internal static class NotificationWriter
{
    /// <summary>One statement: a notification for every follower of the album's artist except its creator.</summary>
    /// <remarks>
    /// The change log gets one row for the album, not one per recipient: the transaction is marked as fanning out
    /// (<see cref="ChangeLogSql"/>), which the Notifications insert trigger skips, and the row is written here instead.
    /// The bus expands it to the recipients who are online after the commit (<see cref="Bus.NotificationRecipients"/>).
    /// A row per recipient (or reading the recipients here) made the writer 1.3–2.5× the cost of the bare insert at
    /// 10,000 followers (MusicBlazor.Benchmarks, fan-out write), and every writer would pay it, online followers or not.
    /// </remarks>
    public static Task WriteForNewAlbumAsync(MusicDbContext db, Album album, DateTime now, CancellationToken cancellationToken = default) =>
        // One command: each extra statement through EF costs the writer a few hundred microseconds, which at 10,000
        // followers is several per cent of the insert itself.
        db.Database.ExecuteSqlAsync(
            ChangeLogSql.For(db.Database.GetDbConnection()).NotificationsForNewAlbum(album.Id, album.ArtistId, album.CreatedById ?? Guid.Empty, now),
            cancellationToken);

    public static Task<int> DeleteForAlbumsAsync(MusicDbContext db, IReadOnlyCollection<Guid> albumIds, CancellationToken cancellationToken = default) =>
        DeleteAsync(db, db.Notifications.Where(n => albumIds.Contains(n.AlbumId)), cancellationToken);

    public static Task<int> DeleteForUserAsync(MusicDbContext db, Guid userId, CancellationToken cancellationToken = default) =>
        DeleteAsync(db, db.Notifications.Where(n => n.UserId == userId), cancellationToken);

    public static Task<int> DeleteAsync(MusicDbContext db, IQueryable<Notification> notifications, CancellationToken cancellationToken = default) =>
        notifications.ExecuteDeleteAsync(cancellationToken);
}
