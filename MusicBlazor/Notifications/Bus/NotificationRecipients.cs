using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MusicBlazor.Data;

namespace MusicBlazor.Notifications.Bus;

/// <summary>Who received an album's notifications.</summary>
public interface INotificationRecipients
{
    Task<IReadOnlyList<Guid>> OfAlbumAsync(Guid albumId, CancellationToken cancellationToken = default);
}

/// <summary>Reads them from the notification rows: one query per new album, whatever the number of circuits.</summary>
public sealed class NotificationRecipients(IDbContextFactory<MusicDbContext> dbFactory) : INotificationRecipients
{
    public async Task<IReadOnlyList<Guid>> OfAlbumAsync(Guid albumId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!db.Database.IsSqlite())
        {
            return await db.Notifications.Where(n => n.AlbumId == albumId).Select(n => n.UserId).ToListAsync(cancellationToken);
        }

        // One row holding a JSON array: reading 10,000 ids row by row costs SQLite several native calls each.
        var json = await db.Database.SqlQuery<string>($"""
            SELECT json_group_array("UserId") AS "Value" FROM "Notifications" WHERE "AlbumId" = {albumId}
            """).SingleAsync(cancellationToken);
        return JsonSerializer.Deserialize<List<Guid>>(json) ?? [];
    }
}
