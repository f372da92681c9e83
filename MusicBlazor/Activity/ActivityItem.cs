namespace MusicBlazor.Activity;

public enum ActivityKind
{
    AlbumAdded = 0,
    ArtistRenamed = 1,
    TrackAdded = 2,
}

/// <summary>
/// One line of the <b>Recent activity</b> feed, written by <see cref="ActivityFeed"/> from the change log and keyed by
/// the log's sequence (a replay writes nothing twice). Names are kept as they were, so the line reads as it happened.
/// </summary>
public sealed class ActivityItem
{
    public const int NameMaxLength = 200;

    public long Sequence { get; init; }
    public DateTime At { get; init; }
    public ActivityKind Kind { get; init; }
    public Guid ArtistId { get; init; }
    public Guid? AlbumId { get; init; }

    /// <summary>The artist's name (its new one, for a rename).</summary>
    public required string ArtistName { get; init; }

    /// <summary>The album's name, for an album or a track.</summary>
    public string? AlbumName { get; init; }

    /// <summary>The track's name, or the artist's former name for a rename.</summary>
    public string? Detail { get; init; }
}
