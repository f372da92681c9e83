using Microsoft.EntityFrameworkCore;
using MusicBlazor.Data;

namespace MusicBlazor.Catalog;

/// <summary>
/// The trigram index behind <see cref="ArtistSearch"/>, per provider. Each proposes candidates for a lower-cased
/// term; the query then tests the term on <see cref="Artist.SearchName"/> itself, so both find exactly the same artists.
/// <list type="bullet">
/// <item>SQLite: the FTS5 table <c>ArtistSearch</c> (trigram tokenizer), keyed by the artists' rowid.</item>
/// <item>PostgreSQL: a <c>pg_trgm</c> GIN index on <c>SearchName</c>, which serves <c>LIKE '%term%'</c>.</item>
/// </list>
/// Both take the term as one parameter: {0} in <see cref="Candidates"/>, {0} and the count limit {1} in <see cref="Estimate"/>.
/// </summary>
internal sealed record ArtistSearchSql(string Candidates, string Estimate, Func<ArtistSearch, string> Pattern)
{
    public static ArtistSearchSql For(MusicDbContext db) => db.Database.IsNpgsql() ? Postgres : Sqlite;

    private static readonly ArtistSearchSql Sqlite = new(
        """SELECT * FROM "Artists" WHERE rowid IN (SELECT rowid FROM "ArtistSearch" WHERE "ArtistSearch" MATCH {0})""",
        // Matches counted no further than the limit; the artists estimated by the highest rowid (one index step).
        """
        SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM "ArtistSearch" WHERE "ArtistSearch" MATCH {0} LIMIT {1})) AS "Matches",
               (SELECT COALESCE(MAX(rowid), 0) FROM "Artists") AS "Artists"
        """,
        search => search.IndexQuery);

    private static readonly ArtistSearchSql Postgres = new(
        """SELECT * FROM "Artists" WHERE "SearchName" LIKE {0}""",
        // The artists estimated from the planner's statistics: counting them exactly would read the whole index.
        """
        SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM "Artists" WHERE "SearchName" LIKE {0} LIMIT {1}) AS m)::int AS "Matches",
               (SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = '"Artists"'::regclass) AS "Artists"
        """,
        // LIKE's wildcards and its escape character taken literally.
        search => "%" + search.Term.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%");
}
