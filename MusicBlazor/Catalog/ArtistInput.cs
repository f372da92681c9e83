namespace MusicBlazor.Catalog;

/// <summary>What the artist form edits. Audit fields are deliberately absent: they come from the signed-in user.</summary>
public sealed class ArtistInput : IVersionedInput
{
    public string? Name { get; set; }
    public string? Biography { get; set; }
    /// <summary>The version the user started from; null saves without checking (last writer wins).</summary>
    public Guid? Version { get; set; }

    public static ArtistInput From(Artist artist) => new() { Name = artist.Name, Biography = artist.Biography, Version = artist.Version };
}
