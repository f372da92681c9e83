namespace MusicBlazor.Catalog;

public sealed class Track
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AlbumId { get; set; }
    /// <summary>Zero-based position on the album.</summary>
    public int Order { get; set; }
    public string Name { get; set; } = "";
    public int DurationSeconds { get; set; }
}
