namespace MusicBlazor.Catalog;

/// <summary>What the album form edits; saving replaces the album's whole track list, in this order.</summary>
public sealed class AlbumInput : IVersionedInput
{
    public string? Name { get; set; }
    public int? YearReleased { get; set; }
    public string? CoverImageUrl { get; set; }
    public List<TrackInput> Tracks { get; set; } = [];
    /// <summary>The version the user started from; null saves without checking (last writer wins).</summary>
    public Guid? Version { get; set; }
}

public sealed class TrackInput
{
    public string? Name { get; set; }
    /// <summary>As typed, m:ss.</summary>
    public string? Duration { get; set; }
}
