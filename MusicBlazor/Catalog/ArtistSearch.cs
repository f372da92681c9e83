namespace MusicBlazor.Catalog;

/// <summary>
/// A search of the artist list: artists whose lower-cased name (<see cref="Artist.SearchName"/>) contains the
/// lower-cased term. How the matches are found depends on the term, because neither way is fast for every term:
/// <list type="bullet">
/// <item>A term of three characters or more that at most <see cref="IndexedLookupLimit"/> artists contain is looked
/// up in the trigram index (SQLite FTS5, migration <c>ArtistSearchTrigramIndex</c>) and only those artists are
/// sorted: the cost follows the number of matches, so a rare term is fast on every page.</item>
/// <item>Otherwise the list is walked in sort order, testing each name: matches of a common term come quickly,
/// and a term shorter than three characters cannot be looked up in a trigram index at all.</item>
/// </list>
/// The index only proposes candidates; the substring test decides, so both ways return exactly the same artists.
/// </summary>
public sealed class ArtistSearch
{
    public const int IndexedLookupLimit = 5_000;
    private const int TrigramLength = 3;

    private ArtistSearch(string term) => Term = term;

    /// <summary>The lower-cased term the names must contain.</summary>
    public string Term { get; }

    /// <summary>Whether the trigram index can find this term.</summary>
    public bool CanUseIndex => Term.EnumerateRunes().Count() >= TrigramLength;

    /// <summary>The term as one FTS5 phrase (quoted, inner quotes doubled), so no character in it is query syntax.</summary>
    public string IndexQuery => "\"" + Term.Replace("\"", "\"\"") + "\"";

    /// <summary>The search for what a user typed; null when there is nothing to search for.</summary>
    public static ArtistSearch? For(string? typed) =>
        string.IsNullOrWhiteSpace(typed) ? null : new ArtistSearch(typed.Trim().ToLowerInvariant());
}
