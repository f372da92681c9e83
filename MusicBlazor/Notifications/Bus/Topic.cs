using MusicBlazor.Data.ChangeLog;

namespace MusicBlazor.Notifications.Bus;

public enum TopicKind
{
    /// <summary>Any change that can alter a listing of artists: names, counts, covers, follows.</summary>
    ArtistList,
    Artist,
    Album,
    /// <summary>One user's notifications.</summary>
    Notifications,
    /// <summary>One user's account (locked, deleted).</summary>
    Account,
    /// <summary>Any artist, album or track: what the recent-activity feed is made of.</summary>
    Catalog,
    /// <summary>Any change the audit trail records.</summary>
    Audited,
}

/// <summary>What a subscriber shows, as the bus routes it: one record, one user's notifications, or the artist list.</summary>
public readonly record struct Topic(TopicKind Kind, Guid Id)
{
    public static Topic ArtistList { get; } = new(TopicKind.ArtistList, Guid.Empty);
    public static Topic Artist(Guid artistId) => new(TopicKind.Artist, artistId);
    public static Topic Album(Guid albumId) => new(TopicKind.Album, albumId);
    public static Topic Notifications(Guid userId) => new(TopicKind.Notifications, userId);
    public static Topic Account(Guid userId) => new(TopicKind.Account, userId);
    public static Topic Catalog { get; } = new(TopicKind.Catalog, Guid.Empty);
    public static Topic Audited { get; } = new(TopicKind.Audited, Guid.Empty);

    /// <summary>
    /// The topics a change belongs to: the one place that says which views a change can alter. An album's
    /// notifications with no recipient yet belong to none; the bus expands them first.
    /// </summary>
    public static IEnumerable<Topic> Of(ChangeEvent change)
    {
        if (change.Entity is EntityKind.Artist or EntityKind.Album or EntityKind.Track)
        {
            yield return Catalog;
        }

        if (change.Entity is not EntityKind.Notification)
        {
            yield return Audited;
        }

        switch (change.Entity)
        {
            case EntityKind.Artist:
                yield return Artist(change.Id);
                yield return ArtistList;
                break;
            case EntityKind.Album:
                yield return Album(change.Id);
                if (change.ArtistId is { } albumArtist)
                {
                    yield return Artist(albumArtist);
                }

                break;
            case EntityKind.Track:
                if (change.AlbumId is { } album)
                {
                    yield return Album(album);
                }

                if (change.ArtistId is { } trackArtist)
                {
                    yield return Artist(trackArtist);
                }

                break;
            case EntityKind.Follow:
                if (change.ArtistId is { } followed)
                {
                    yield return Artist(followed);
                }

                break;
            case EntityKind.Notification when change.UserId is { } recipient:
                yield return Notifications(recipient);
                break;
            case EntityKind.User:
                yield return Account(change.Id);
                break;
        }
    }
}
