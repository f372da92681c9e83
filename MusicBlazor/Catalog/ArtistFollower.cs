namespace MusicBlazor.Catalog;

/// <summary>A user follows an artist at most once: the pair is the key.</summary>
public sealed class ArtistFollower
{
    public Guid ArtistId { get; set; }
    public Guid UserId { get; set; }
    public DateTime CreatedAt { get; set; }
}
