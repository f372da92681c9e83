using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MusicBlazor.Data.Migrations
{
    /// <summary>
    /// A trigram full-text index over the artists' search names (SQLite FTS5, an external-content table keyed by the
    /// artists' rowid, kept in step by triggers), so that a search term few artists contain is found without walking
    /// every artist. See <c>Catalog/ArtistSearch.cs</c>.
    /// </summary>
    public partial class ArtistSearchTrigramIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ArtistSearch" USING fts5(
                    "SearchName", content='Artists', content_rowid='rowid', tokenize='trigram');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Artists_AfterInsert_ArtistSearch" AFTER INSERT ON "Artists" BEGIN
                    INSERT INTO "ArtistSearch" (rowid, "SearchName") VALUES (new.rowid, new."SearchName");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Artists_AfterDelete_ArtistSearch" AFTER DELETE ON "Artists" BEGIN
                    INSERT INTO "ArtistSearch" ("ArtistSearch", rowid, "SearchName") VALUES ('delete', old.rowid, old."SearchName");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Artists_AfterUpdateOfSearchName_ArtistSearch" AFTER UPDATE OF "SearchName" ON "Artists" BEGIN
                    INSERT INTO "ArtistSearch" ("ArtistSearch", rowid, "SearchName") VALUES ('delete', old.rowid, old."SearchName");
                    INSERT INTO "ArtistSearch" (rowid, "SearchName") VALUES (new.rowid, new."SearchName");
                END;
                """);
            migrationBuilder.Sql("""INSERT INTO "ArtistSearch" ("ArtistSearch") VALUES ('rebuild');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Artists_AfterUpdateOfSearchName_ArtistSearch";""");
            migrationBuilder.Sql("""DROP TRIGGER "Artists_AfterDelete_ArtistSearch";""");
            migrationBuilder.Sql("""DROP TRIGGER "Artists_AfterInsert_ArtistSearch";""");
            migrationBuilder.Sql("""DROP TABLE "ArtistSearch";""");
        }
    }
}
