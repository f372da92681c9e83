namespace MusicBlazor.Data.ChangeLog;

public enum ChangeOperation
{
    Created = 0,
    Updated = 1,
    Deleted = 2,
}

public enum EntityKind
{
    Artist = 0,
    Album = 1,
    Track = 2,
    Follow = 3,
    Notification = 4,
    User = 5,
}

/// <summary>
/// One committed change, as the <c>ChangeLog</c> table holds it: identified by ids only, the rows stay the source of
/// truth. <see cref="Sequence"/> increases strictly in commit order. Per kind: <see cref="Id"/> is the row's id,
/// except a Follow's (the follower) and a Notification's (its album). <see cref="UserId"/> is a notification's
/// recipient, a follow's follower or a user's own id; a Notification row with no user means "this album's
/// notifications were created" (one row per album, however many followers). <see cref="ActorId"/> is empty for
/// writes from outside the app; <see cref="Suppressed"/> changes are logged but not delivered live.
/// </summary>
public sealed record ChangeEvent(
    long Sequence,
    ChangeOperation Operation,
    EntityKind Entity,
    Guid Id,
    Guid? ArtistId = null,
    Guid? AlbumId = null,
    Guid? UserId = null,
    Guid? ActorId = null,
    bool Suppressed = false,
    DateTime At = default)
{
    /// <summary>
    /// For audited tables, the row's fields as a JSON object of <c>[old, new]</c> pairs, captured by the triggers that
    /// log it (only the fields that changed, for an update); null otherwise. Only durable readers ask for it: live
    /// delivery reads ids only (<see cref="ChangeLogReader.ReadAfterAsync"/>).
    /// </summary>
    public string? Fields { get; init; }

    public bool IsNotificationsCreatedForAlbum =>
        Entity == EntityKind.Notification && Operation == ChangeOperation.Created && UserId is null;
}
