namespace MusicBlazor.Notifications.Changes;

public enum ChangeOperation
{
    Created,
    Updated,
    Deleted,
}

public enum EntityKind
{
    Artist,
    Album,
    Track,
    Follow,
    Notification,
    User,
}

/// <summary>
/// A committed change, identified by ids only: the database rows stay the source of truth.
/// <para>Per kind: Album/Track/Follow carry <see cref="ArtistId"/>; a Follow's <see cref="Id"/> is the follower;
/// a Notification's <see cref="Id"/> is its album and <see cref="RecipientUserId"/> its recipient — or null for
/// "this album's notifications were created", which the bus expands to the recipients who are online.</para>
/// </summary>
public sealed record ChangeEvent(
    ChangeOperation Operation,
    EntityKind Entity,
    Guid Id,
    Guid? ActorId,
    Guid? RecipientUserId = null,
    Guid? ArtistId = null)
{
    public static ChangeEvent NotificationsCreatedFor(Guid albumId, Guid? actorId) =>
        new(ChangeOperation.Created, EntityKind.Notification, albumId, actorId);

    public bool IsNotificationsCreatedForAlbum =>
        Entity == EntityKind.Notification && Operation == ChangeOperation.Created && RecipientUserId is null;
}
