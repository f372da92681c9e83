using System.Collections.Generic;
using System.Linq;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MusicBlazor.Data.Migrations.Postgres
{
    /// <summary>
    /// The change log's capture on PostgreSQL, as the SQLite migration <c>ChangeLog</c> does it there: triggers write
    /// a log row per changed row, in the writer's transaction, whoever writes. The acting user and suppression come
    /// from transaction-local settings (<c>musicblazor.actor</c>, <c>musicblazor.suppressed</c>) that the app's
    /// transactions set (<c>Data/ChangeLog/PostgresChangeLogSql.cs</c>); an album's fanned-out notifications
    /// (<c>musicblazor.fan_out</c>) are logged once by their writer.
    /// Numbering: every statement on a logged table first takes a transaction-scoped advisory lock, and rows are
    /// numbered from the one-row <c>ChangeLogHead</c> counter. Writers of the log therefore commit one at a time, so
    /// sequence order is commit order, a rollback leaves no gap, and the head survives pruning. The lock is taken
    /// before the statement touches a row, so two writers never hold row locks while waiting for each other's turn.
    /// </summary>
    public partial class PostgresChangeLog : Migration
    {
        // Advisory lock keys are per database; any constant no other code uses.
        internal const long LogLock = 0x6D75_7369_636C_6F67; // "musiclog"

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "ChangeLogHead" (
                    "Id" integer NOT NULL PRIMARY KEY CHECK ("Id" = 1),
                    "Sequence" bigint NOT NULL);
                INSERT INTO "ChangeLogHead" ("Id", "Sequence") VALUES (1, 0);
                """);

            migrationBuilder.Sql($"""
                CREATE FUNCTION musicblazor_lock_log() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_advisory_xact_lock({LogLock});
                    RETURN NULL;
                END $$;
                """);

            migrationBuilder.Sql(LogFunction);

            foreach (var table in Captured)
            {
                migrationBuilder.Sql(Function(table));
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "ChangeLog_{table.Table}_Lock" BEFORE INSERT OR UPDATE OR DELETE ON "{table.Table}"
                        FOR EACH STATEMENT EXECUTE FUNCTION musicblazor_lock_log();
                    """);
                foreach (var (name, operations, when) in table.Triggers)
                {
                    migrationBuilder.Sql($"""
                        CREATE TRIGGER "{name}" AFTER {operations} ON "{table.Table}" FOR EACH ROW {when}
                            EXECUTE FUNCTION "ChangeLog_{table.Table}"();
                        """);
                }
            }
        }

        internal static readonly string LogFunction = $"""
            CREATE FUNCTION musicblazor_log(operation integer, entity integer, entity_id uuid, artist_id uuid, album_id uuid, user_id uuid)
            RETURNS void LANGUAGE plpgsql AS $$
            DECLARE
                next_sequence bigint;
            BEGIN
                PERFORM pg_advisory_xact_lock({LogLock});
                UPDATE "ChangeLogHead" SET "Sequence" = "Sequence" + 1 RETURNING "Sequence" INTO next_sequence;
                INSERT INTO "ChangeLog" ("Sequence", "Operation", "Entity", "EntityId", "ArtistId", "AlbumId", "UserId", "ActorId", "Suppressed", "At")
                VALUES (next_sequence, operation, entity, entity_id, artist_id, album_id, user_id,
                    nullif(current_setting('musicblazor.actor', true), '')::uuid,
                    coalesce(current_setting('musicblazor.suppressed', true), '0') = '1',
                    clock_timestamp());
            END $$;
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Captured)
            {
                foreach (var (name, _, _) in table.Triggers)
                {
                    migrationBuilder.Sql($"""DROP TRIGGER "{name}" ON "{table.Table}";""");
                }

                migrationBuilder.Sql($"""DROP TRIGGER "ChangeLog_{table.Table}_Lock" ON "{table.Table}";""");
                migrationBuilder.Sql($"""DROP FUNCTION "ChangeLog_{table.Table}"();""");
            }

            migrationBuilder.Sql("DROP FUNCTION musicblazor_log(integer, integer, uuid, uuid, uuid, uuid);");
            migrationBuilder.Sql("DROP FUNCTION musicblazor_lock_log();");
            migrationBuilder.Sql("""DROP TABLE "ChangeLogHead";""");
        }

        internal sealed record CapturedTable(int Entity, string Table, string Id, string Artist, string Album, string User)
        {
            public IEnumerable<(string Name, string Operations, string When)> Triggers => Table == "Notifications"
                // Inserts fanned out to an album's followers are logged once, by their writer.
                ? [($"ChangeLog_{Table}_Insert", "INSERT", "WHEN (current_setting('musicblazor.fan_out', true) IS DISTINCT FROM '1')"),
                    ($"ChangeLog_{Table}_UpdateDelete", "UPDATE OR DELETE", "")]
                : [($"ChangeLog_{Table}", "INSERT OR UPDATE OR DELETE", "")];
        }

        private const string ArtistOfAlbum = """(SELECT "ArtistId" FROM "Albums" WHERE "Id" = {row}."AlbumId")""";

        private static string Col(string column) => "{row}.\"" + column + "\"";

        /// <summary>Per table: entity kind, then the id, artist, album and user of the logged row ({row} is NEW or OLD).</summary>
        internal static readonly CapturedTable[] Captured =
        [
            new(0, "Artists", Col("Id"), Col("Id"), "NULL", "NULL"),
            new(1, "Albums", Col("Id"), Col("ArtistId"), Col("Id"), "NULL"),
            new(2, "Tracks", Col("Id"), ArtistOfAlbum, Col("AlbumId"), "NULL"),
            new(3, "ArtistFollowers", Col("UserId"), Col("ArtistId"), "NULL", Col("UserId")),
            new(4, "Notifications", Col("AlbumId"), ArtistOfAlbum, Col("AlbumId"), Col("UserId")),
            new(5, "AspNetUsers", Col("Id"), "NULL", "NULL", Col("Id")),
        ];

        private static string Log(CapturedTable table, string operation, string row) =>
            $"PERFORM musicblazor_log({operation}, {table.Entity}, {table.Id.Replace("{row}", row)}, {table.Artist.Replace("{row}", row)}, "
            + $"{table.Album.Replace("{row}", row)}, {table.User.Replace("{row}", row)});";

        internal static string Function(CapturedTable table) => $"""
            CREATE FUNCTION "ChangeLog_{table.Table}"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    {Log(table, "2", "OLD")}
                ELSE
                    {Log(table, "CASE TG_OP WHEN 'INSERT' THEN 0 ELSE 1 END", "NEW")}
                END IF;
                RETURN NULL;
            END $$;
            """;
    }
}
