using MusicBlazor.Common;

namespace MusicBlazor.Catalog;

public sealed class Album : IAudited, IVersioned
{
    public const int NameMaxLength = 200;
    public const int CoverImageUrlMaxLength = 2048;
    /// <summary>Beyond any real release; keeps one save (and the live update it sends to every open page) small.</summary>
    public const int MaxTracks = 100;
    public const int EarliestYear = 1950;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ArtistId { get; set; }
    public Artist? Artist { get; set; }
    public string Name { get; set; } = "";
    public int YearReleased { get; set; }
    public string? CoverImageUrl { get; set; }

    public Guid? CreatedById { get; set; }
    public Guid? UpdatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<Track> Tracks { get; } = [];
}
