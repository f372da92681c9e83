namespace MusicBlazor.Catalog;

public sealed class Track
{
    public const int NameMaxLength = 200;
    /// <summary>99:59, the longest duration that fits the m:ss field's five characters; longer than almost any real track.</summary>
    public const int MaxDurationSeconds = 99 * 60 + 59;
    /// <summary>How long the m:ss text of a duration may be: that of <see cref="MaxDurationSeconds"/>.</summary>
    public static readonly int DurationTextMaxLength = Duration.Format(MaxDurationSeconds).Length;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AlbumId { get; set; }
    /// <summary>Zero-based position on the album.</summary>
    public int Order { get; set; }
    public string Name { get; set; } = "";
    public int DurationSeconds { get; set; }
}
