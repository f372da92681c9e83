namespace MusicBlazor.Catalog;

public enum ArtistSort
{
    RecentlyUpdated,
    RecentlyAdded,
    Name,
    AlbumCount,
    LatestRelease,
    FollowerCount,
}

/// <summary>The sort orders as they appear in the URL (?sort=…) and in the "Sort by" list.</summary>
public static class ArtistSorts
{
    public static IReadOnlyList<(ArtistSort Sort, string Key, string Label)> All { get; } =
    [
        (ArtistSort.RecentlyUpdated, "updated", "Recently updated"),
        (ArtistSort.RecentlyAdded, "added", "Recently added"),
        (ArtistSort.Name, "name", "Name"),
        (ArtistSort.AlbumCount, "albums", "Number of albums"),
        (ArtistSort.LatestRelease, "latest", "Latest album release"),
        (ArtistSort.FollowerCount, "followers", "Number of followers"),
    ];

    public static string Key(ArtistSort sort) => All.First(s => s.Sort == sort).Key;

    public static ArtistSort Parse(string? key) =>
        All.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase)) is { Key: not null } match
            ? match.Sort
            : ArtistSort.RecentlyUpdated;
}
