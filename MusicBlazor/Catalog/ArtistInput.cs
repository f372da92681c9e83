namespace MusicBlazor.Catalog;

/// <summary>What the artist form edits. Audit fields are deliberately absent: they come from the signed-in user.</summary>
public sealed class ArtistInput
{
    public string? Name { get; set; }
    public string? Biography { get; set; }

    public static ArtistInput From(Artist artist) => new() { Name = artist.Name, Biography = artist.Biography };
}
