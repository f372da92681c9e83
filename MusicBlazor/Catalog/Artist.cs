using MusicBlazor.Common;

namespace MusicBlazor.Catalog;

public sealed class Artist : IAudited, IVersioned
{
    public const int NameMaxLength = 200;
    public const int BiographyMaxLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string Name { get; private set; } = "";
    /// <summary>Lower-cased <see cref="Name"/>, so search is case-insensitive beyond ASCII on every provider.</summary>
    public string SearchName { get; private set; } = "";
    public string? Biography { get; set; }
    /// <summary>Most recent first; never contains the current name.</summary>
    public List<string> PreviousNames { get; private set; } = [];

    // Denormalised from albums and followers (see ArtistStats) so that every sort order is an index scan.
    public int AlbumCount { get; internal set; }
    /// <summary>0 when the artist has no albums: a non-null key sorts "no albums last" with a plain index scan on every provider.</summary>
    public int LatestAlbumYear { get; internal set; }
    public string? CoverImageUrl { get; internal set; }
    public int FollowerCount { get; internal set; }

    public Guid? CreatedById { get; set; }
    public Guid? UpdatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<Album> Albums { get; } = [];

    public static Artist Create(string name, string? biography = null)
    {
        var artist = new Artist { Biography = biography };
        artist.SetName(name);
        return artist;
    }

    /// <summary>The old name goes to the front of <see cref="PreviousNames"/>; the new one leaves it.</summary>
    public void Rename(string newName)
    {
        if (newName == Name)
        {
            return;
        }

        PreviousNames = [Name, .. PreviousNames.Where(n => n != newName && n != Name)];
        SetName(newName);
    }

    private void SetName(string name)
    {
        Name = name;
        SearchName = name.ToLowerInvariant();
    }
}
