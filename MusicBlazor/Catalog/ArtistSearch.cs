namespace MusicBlazor.Catalog;

/// <summary>
/// A search of the artist list: artists whose lower-cased name (<see cref="Artist.SearchName"/>) contains the
/// lower-cased term. The matches can be found in two ways, and neither is fast for every term and page:
/// <list type="bullet">
/// <item><b>Walk</b> the list in sort order, testing each name, until the page is full: cheap when matches are
/// common or the page is early, but a rare term or a deep page means walking past most artists. A term shorter than
/// three characters is always walked (a trigram index cannot find it).</item>
/// <item><b>Look up</b> the term in the trigram index (SQLite FTS5 or PostgreSQL pg_trgm, <see cref="ArtistSearchSql"/>) and
/// sort just the matches: the cost follows the number of matches, whatever the page.</item>
/// </list>
/// A searched page first tries the walk bounded to <see cref="ProbeBudget"/> artists, which finds a common term's
/// page in a fraction of a millisecond; only when that finds too few rows does
/// <see cref="PrefersIndex"/> pick the cheaper from the number of matches (which the index counts quickly), the
/// number of artists and the page. The index only proposes candidates and the substring test decides, so both ways
/// return exactly the same artists.
/// </summary>
public sealed class ArtistSearch
{
    /// <summary>The most matches worth sorting; beyond it the walk finds a page sooner. Also caps the count.</summary>
    public const int IndexedLookupLimit = 5_000;

    /// <summary>
    /// Looking up and sorting one match costs about as much as walking past ten artists (the browsing benchmark at
    /// 100,000 artists: about 6 µs a match against 0.5 µs an artist tested in a walk).
    /// </summary>
    private const int WalkStepsPerLookedUpMatch = 10;

    /// <summary>
    /// The most artists a searched page walks before the matches are counted: about what looking up and sorting the
    /// most matches the app ever looks up costs, so trying the walk first never costs more than the largest lookup.
    /// </summary>
    public const int ProbeBudget = IndexedLookupLimit * WalkStepsPerLookedUpMatch;

    private const int TrigramLength = 3;

    private ArtistSearch(string term) => Term = term;

    /// <summary>The lower-cased term the names must contain.</summary>
    public string Term { get; }

    /// <summary>Whether the trigram index can find this term.</summary>
    public bool CanUseIndex => Term.EnumerateRunes().Count() >= TrigramLength;

    /// <summary>For SQLite's index, the term as one FTS5 phrase (quoted, inner quotes doubled), so no character in it is query syntax.</summary>
    public string IndexQuery => "\"" + Term.Replace("\"", "\"\"") + "\"";

    /// <summary>The search for what a user typed; null when there is nothing to search for.</summary>
    public static ArtistSearch? For(string? typed) =>
        string.IsNullOrWhiteSpace(typed) ? null : new ArtistSearch(typed.Trim().ToLowerInvariant());

    /// <summary>
    /// Whether looking the term up costs less than walking to the page: a walk tests about
    /// (skip + a page) × artists ÷ matches names, assuming matches are spread through the sort order.
    /// </summary>
    public bool PrefersIndex(int matches, long artists, int skip)
    {
        if (!CanUseIndex || matches > IndexedLookupLimit)
        {
            return false;
        }

        var rowsNeeded = skip + ArtistListRequest.PageSize + 1;
        var walkSteps = matches == 0 ? artists : Math.Min(artists, (double)rowsNeeded * artists / matches);
        return (double)matches * WalkStepsPerLookedUpMatch < walkSteps;
    }
}
