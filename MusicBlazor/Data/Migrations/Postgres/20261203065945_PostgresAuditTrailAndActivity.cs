using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MusicBlazor.Data.Migrations.Postgres
{
    /// <summary>
    /// The audit trail and the activity feed on PostgreSQL, as the SQLite migration <c>AuditTrailAndActivity</c> does
    /// it there: the log function takes the audited fields, the audited tables' trigger functions pass their row's
    /// fields as <c>{"Field": [old, new]}</c> (an update: only the fields that changed; none: null), and role grants
    /// and removals (<c>AspNetUserRoles</c>) are logged as updates of the account, with the role's name.
    /// </summary>
    public partial class PostgresAuditTrailAndActivity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Fields",
                table: "ChangeLog",
                type: "text",
                nullable: true);

            migrationBuilder.Sql(LogWithFields);
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION musicblazor_log(operation integer, entity integer, entity_id uuid, artist_id uuid, album_id uuid, user_id uuid)
                RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM musicblazor_log(operation, entity, entity_id, artist_id, album_id, user_id, NULL);
                END $$;
                """);
            foreach (var table in Audited)
            {
                migrationBuilder.Sql(AuditedFunction(table));
            }

            migrationBuilder.Sql(RoleFunction);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ChangeLog_AspNetUserRoles_Lock" BEFORE INSERT OR DELETE ON "AspNetUserRoles"
                    FOR EACH STATEMENT EXECUTE FUNCTION musicblazor_lock_log();
                CREATE TRIGGER "ChangeLog_AspNetUserRoles" AFTER INSERT OR DELETE ON "AspNetUserRoles" FOR EACH ROW
                    EXECUTE FUNCTION "ChangeLog_AspNetUserRoles"();
                """);

            migrationBuilder.CreateTable(
                name: "ActivityItems",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ArtistId = table.Column<Guid>(type: "uuid", nullable: false),
                    AlbumId = table.Column<Guid>(type: "uuid", nullable: true),
                    ArtistName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AlbumName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Detail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityItems", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Entity = table.Column<int>(type: "integer", nullable: false),
                    Operation = table.Column<int>(type: "integer", nullable: false),
                    EntityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Changes = table.Column<string>(type: "text", nullable: true),
                    Maintenance = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Sequence);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityItems_ArtistId_Sequence",
                table: "ActivityItems",
                columns: new[] { "ArtistId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorId_At",
                table: "AuditEntries",
                columns: new[] { "ActorId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Entity_At",
                table: "AuditEntries",
                columns: new[] { "Entity", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActivityItems");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.Sql("""
                DROP TRIGGER "ChangeLog_AspNetUserRoles" ON "AspNetUserRoles";
                DROP TRIGGER "ChangeLog_AspNetUserRoles_Lock" ON "AspNetUserRoles";
                DROP FUNCTION "ChangeLog_AspNetUserRoles"();
                """);
            foreach (var table in PostgresChangeLog.Captured.Where(c => Audited.Any(a => a.Table == c.Table)))
            {
                migrationBuilder.Sql(PostgresChangeLog.Function(table).Replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION"));
            }

            migrationBuilder.Sql("DROP FUNCTION musicblazor_log(integer, integer, uuid, uuid, uuid, uuid);");
            migrationBuilder.Sql(PostgresChangeLog.LogFunction);
            migrationBuilder.Sql("DROP FUNCTION musicblazor_log(integer, integer, uuid, uuid, uuid, uuid, jsonb);");

            migrationBuilder.DropColumn(
                name: "Fields",
                table: "ChangeLog");
        }
    

        private static readonly string LogWithFields = $"""
            CREATE FUNCTION musicblazor_log(operation integer, entity integer, entity_id uuid, artist_id uuid, album_id uuid, user_id uuid, fields jsonb)
            RETURNS void LANGUAGE plpgsql AS $$
            DECLARE
                next_sequence bigint;
            BEGIN
                PERFORM pg_advisory_xact_lock({PostgresChangeLog.LogLock});
                UPDATE "ChangeLogHead" SET "Sequence" = "Sequence" + 1 RETURNING "Sequence" INTO next_sequence;
                INSERT INTO "ChangeLog" ("Sequence", "Operation", "Entity", "EntityId", "ArtistId", "AlbumId", "UserId", "ActorId", "Suppressed", "At", "Fields")
                VALUES (next_sequence, operation, entity, entity_id, artist_id, album_id, user_id,
                    nullif(current_setting('musicblazor.actor', true), '')::uuid,
                    coalesce(current_setting('musicblazor.suppressed', true), '0') = '1',
                    clock_timestamp(), fields::text);
            END $$;
            """;

        private const string ArtistOfAlbum = """(SELECT "ArtistId" FROM "Albums" WHERE "Id" = {row}."AlbumId")""";

        private static string Col(string column) => "{row}.\"" + column + "\"";

        /// <summary>Per audited table: entity kind, the id, artist, album and user of the logged row, and its audited fields.</summary>
        private static readonly (string Table, int Entity, string Id, string Artist, string Album, string User, string[] Fields)[] Audited =
        [
            ("Artists", 0, Col("Id"), Col("Id"), "NULL", "NULL", ["Name", "Biography", "CoverImageUrl", "PreviousNames"]),
            ("Albums", 1, Col("Id"), Col("ArtistId"), Col("Id"), "NULL", ["Name", "YearReleased", "CoverImageUrl", "ArtistId"]),
            ("Tracks", 2, Col("Id"), ArtistOfAlbum, Col("AlbumId"), "NULL", ["Order", "Name", "DurationSeconds"]),
            ("AspNetUsers", 5, Col("Id"), "NULL", "NULL", Col("Id"), ["Email", "UserName", "EmailConfirmed", "LockoutEnd"]),
        ];

        private static string Log(string operation, int entity, string id, string artist, string album, string user, string row, string fields) =>
            $"PERFORM musicblazor_log({operation}, {entity}, {id.Replace("{row}", row)}, {artist.Replace("{row}", row)}, "
            + $"{album.Replace("{row}", row)}, {user.Replace("{row}", row)}, {fields});";

        // A missing side (insert, delete) compares as JSON null, as SQLite's IS NOT compares NULLs.
        private static string AuditedFunction((string Table, int Entity, string Id, string Artist, string Album, string User, string[] Fields) table) => $"""
            CREATE OR REPLACE FUNCTION "ChangeLog_{table.Table}"() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                old_row jsonb := CASE WHEN TG_OP = 'INSERT' THEN jsonb_build_object() ELSE to_jsonb(OLD) END;
                new_row jsonb := CASE WHEN TG_OP = 'DELETE' THEN jsonb_build_object() ELSE to_jsonb(NEW) END;
                fields jsonb;
            BEGIN
                SELECT jsonb_object_agg(k, jsonb_build_array(old_row -> k, new_row -> k)) INTO fields
                FROM unnest(ARRAY[{string.Join(", ", table.Fields.Select(f => $"'{f}'"))}]) AS k
                WHERE coalesce(old_row -> k, 'null') IS DISTINCT FROM coalesce(new_row -> k, 'null');
                IF TG_OP = 'DELETE' THEN
                    {Log("2", table.Entity, table.Id, table.Artist, table.Album, table.User, "OLD", "fields")}
                ELSE
                    {Log("CASE TG_OP WHEN 'INSERT' THEN 0 ELSE 1 END", table.Entity, table.Id, table.Artist, table.Album, table.User, "NEW", "fields")}
                END IF;
                RETURN NULL;
            END $$;
            """;

        private static readonly string RoleFunction = $"""
            CREATE FUNCTION "ChangeLog_AspNetUserRoles"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    {Log("1", 5, Col("UserId"), "NULL", "NULL", Col("UserId"), "OLD",
                        """jsonb_build_object('Role', jsonb_build_array((SELECT "Name" FROM "AspNetRoles" WHERE "Id" = OLD."RoleId"), NULL))""")}
                ELSE
                    {Log("1", 5, Col("UserId"), "NULL", "NULL", Col("UserId"), "NEW",
                        """jsonb_build_object('Role', jsonb_build_array(NULL, (SELECT "Name" FROM "AspNetRoles" WHERE "Id" = NEW."RoleId")))""")}
                END IF;
                RETURN NULL;
            END $$;
            """;
    }
}
