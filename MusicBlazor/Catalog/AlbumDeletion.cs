using MusicBlazor.Data;
using MusicBlazor.Notifications;

namespace MusicBlazor.Catalog;

/// <summary>
/// Deleting albums, modelled in code rather than left to database cascades, so that every removed row
/// (tracks, the albums, their notifications) is a change event open pages can react to.
/// </summary>
internal static class AlbumDeletion
{
    /// <param name="albums">Tracked albums with their tracks loaded.</param>
    public static async Task DeleteAsync(MusicDbContext db, IReadOnlyCollection<Album> albums, CancellationToken cancellationToken)
    {
        if (albums.Count == 0)
        {
            return;
        }

        await NotificationWriter.DeleteForAlbumsAsync(db, albums.Select(a => a.Id).ToList(), cancellationToken);
        foreach (var album in albums)
        {
            db.Tracks.RemoveRange(album.Tracks);
            db.Albums.Remove(album);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
