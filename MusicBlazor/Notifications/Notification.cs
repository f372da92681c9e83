using MusicBlazor.Catalog;

namespace MusicBlazor.Notifications;

/// <summary>
/// "A followed artist has a new album", for one recipient. Created only by the system, in the same transaction as
/// the album; at most one per recipient and album, so the pair is the key (and set-based inserts need no id).
/// </summary>
public sealed class Notification
{
    public Guid UserId { get; set; }
    public Guid AlbumId { get; set; }
    public Album? Album { get; set; }
    public DateTime CreatedAt { get; set; }
}
