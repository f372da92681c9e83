namespace MusicBlazor.Catalog;

/// <summary>What someone else changed between the version a form loaded and the current one, in words for the form.</summary>
public static class EditChanges
{
    public static IReadOnlyList<string> Between(ArtistInput loaded, ArtistInput current) =>
    [
        .. Field("Name", loaded.Name, current.Name),
        .. Text("Biography", loaded.Biography, current.Biography),
    ];

    public static IReadOnlyList<string> Between(AlbumInput loaded, AlbumInput current) =>
    [
        .. Field("Name", loaded.Name, current.Name),
        .. Field("Year released", loaded.YearReleased?.ToString(), current.YearReleased?.ToString()),
        .. Field("Cover image URL", loaded.CoverImageUrl, current.CoverImageUrl),
        .. Tracks(loaded.Tracks, current.Tracks),
    ];

    private static IEnumerable<string> Field(string label, string? loaded, string? current)
    {
        if (Same(loaded, current))
        {
            yield break;
        }

        yield return $"{label}: {Quoted(loaded)} → {Quoted(current)}";
    }

    // Long text is named, not quoted whole.
    private static IEnumerable<string> Text(string label, string? loaded, string? current)
    {
        if (!Same(loaded, current))
        {
            yield return $"{label} changed";
        }
    }

    private static IEnumerable<string> Tracks(List<TrackInput> loaded, List<TrackInput> current)
    {
        if (loaded.Count != current.Count)
        {
            yield return $"Tracks: {Count(loaded.Count)} → {Count(current.Count)}";
        }
        else if (loaded.Zip(current).Any(pair => !Same(pair.First.Name, pair.Second.Name) || !Same(pair.First.Duration, pair.Second.Duration)))
        {
            yield return "Tracks changed";
        }
    }

    private static bool Same(string? a, string? b) => string.Equals(a?.Trim() ?? "", b?.Trim() ?? "", StringComparison.Ordinal);

    private static string Quoted(string? value) => string.IsNullOrWhiteSpace(value) ? "(empty)" : $"“{value.Trim()}”";

    private static string Count(int tracks) => tracks == 1 ? "1 track" : $"{tracks} tracks";
}
