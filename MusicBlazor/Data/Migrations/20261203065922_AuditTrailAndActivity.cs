using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MusicBlazor.Data.Migrations
{
    /// <summary>
    /// The audit trail and the activity feed, and what they need from the log:
    /// - the triggers of audited tables capture the row's audited fields as <c>{"Field": [old, new]}</c> (an update:
    ///   only the fields that changed; none changed: null), since old values cannot be read back later;
    /// - role grants and removals (<c>AspNetUserRoles</c>) are logged as updates of the account, with the role's name;
    /// - every log row names its transaction: <c>ChangeContext</c> draws a random number each time a transaction of
    ///   the app fills it, so rows logged together (an album and the tracks it was created with) share it.
    /// </summary>
    public partial class AuditTrailAndActivity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Fields",
                table: "ChangeLog",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Transaction",
                table: "ChangeLog",
                type: "INTEGER",
                nullable: true);

            // SQLite cannot add a column whose default is not a constant: the one-row scratch table is made again.
            migrationBuilder.Sql("""
                DROP TABLE "ChangeContext";
                CREATE TABLE "ChangeContext" (
                    "Id" INTEGER NOT NULL PRIMARY KEY CHECK ("Id" = 1),
                    "ActorId" TEXT NULL,
                    "Suppressed" INTEGER NOT NULL DEFAULT 0,
                    "Reason" TEXT NULL,
                    "FanOut" INTEGER NOT NULL DEFAULT 0,
                    "Transaction" INTEGER NOT NULL DEFAULT (random()));
                """);

            foreach (var (name, create) in LoggedTriggers)
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{name}";""");
                migrationBuilder.Sql(create);
            }

            migrationBuilder.CreateTable(
                name: "ActivityItems",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ArtistId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AlbumId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ArtistName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AlbumName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityItems", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Entity = table.Column<int>(type: "INTEGER", nullable: false),
                    Operation = table.Column<int>(type: "INTEGER", nullable: false),
                    EntityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: true),
                    Maintenance = table.Column<bool>(type: "INTEGER", nullable: false)
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

            foreach (var (name, _) in LoggedTriggers)
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{name}";""");
            }

            foreach (var (name, create) in ChangeLog.Triggers)
            {
                migrationBuilder.Sql(create);
            }

            migrationBuilder.Sql("""
                DROP TABLE "ChangeContext";
                CREATE TABLE "ChangeContext" (
                    "Id" INTEGER NOT NULL PRIMARY KEY CHECK ("Id" = 1),
                    "ActorId" TEXT NULL,
                    "Suppressed" INTEGER NOT NULL DEFAULT 0,
                    "Reason" TEXT NULL,
                    "FanOut" INTEGER NOT NULL DEFAULT 0);
                """);

            migrationBuilder.DropColumn(
                name: "Transaction",
                table: "ChangeLog");

            migrationBuilder.DropColumn(
                name: "Fields",
                table: "ChangeLog");
        }
    

        private const string ArtistOfAlbum = """(SELECT "ArtistId" FROM "Albums" WHERE "Id" = {row}."AlbumId")""";
        private const string RoleName = """(SELECT "Name" FROM "AspNetRoles" WHERE "Id" = {row}."RoleId")""";
        private const string FannedOut = """WHEN coalesce((SELECT "FanOut" FROM "ChangeContext"), 0) = 0""";

        private static string Col(string column) => "{row}.\"" + column + "\"";

        private static readonly string[] AllOperations = ["INSERT", "UPDATE", "DELETE"];

        /// <summary>
        /// Per captured table: entity kind, the id, artist, album and user of the logged row, its audited fields (none:
        /// not audited), the operations and a condition.
        /// </summary>
        private static readonly (string Table, int Entity, string Id, string Artist, string Album, string User, string[] Fields, string[] Operations, string When)[] Captured =
        [
            ("Artists", 0, Col("Id"), Col("Id"), "NULL", "NULL", ["Name", "Biography", "CoverImageUrl", "PreviousNames"], AllOperations, ""),
            ("Albums", 1, Col("Id"), Col("ArtistId"), Col("Id"), "NULL", ["Name", "YearReleased", "CoverImageUrl", "ArtistId"], AllOperations, ""),
            ("Tracks", 2, Col("Id"), ArtistOfAlbum, Col("AlbumId"), "NULL", ["Order", "Name", "DurationSeconds"], AllOperations, ""),
            ("ArtistFollowers", 3, Col("UserId"), Col("ArtistId"), "NULL", Col("UserId"), [], AllOperations, ""),
            // Inserts fanned out to an album's followers are logged once, by their writer.
            ("Notifications", 4, Col("AlbumId"), ArtistOfAlbum, Col("AlbumId"), Col("UserId"), [], ["INSERT"], FannedOut),
            ("Notifications", 4, Col("AlbumId"), ArtistOfAlbum, Col("AlbumId"), Col("UserId"), [], ["UPDATE", "DELETE"], ""),
            ("AspNetUsers", 5, Col("Id"), "NULL", "NULL", Col("Id"), ["Email", "UserName", "EmailConfirmed", "LockoutEnd"], AllOperations, ""),
        ];

        /// <summary>Each field as <c>[old, new]</c>, null where the row has no old (insert) or new (delete) state.</summary>
        private static string Fields(string[] fields, string operation)
        {
            if (fields.Length == 0)
            {
                return "NULL";
            }

            string Old(string field) => operation == "INSERT" ? "NULL" : $"OLD.\"{field}\"";
            string New(string field) => operation == "DELETE" ? "NULL" : $"NEW.\"{field}\"";
            var pairs = string.Join(" UNION ALL ", fields.Select(f => $"SELECT '{f}' AS k, {Old(f)} AS o, {New(f)} AS n"));
            return $"(SELECT nullif(json_group_object(k, json_array(o, n)), '{{}}') FROM ({pairs}) WHERE o IS NOT n)";
        }

        private static string Trigger(string name, string operation, string table, string when, int code, int entity, string id, string artist, string album, string user, string fields, string row) => $"""
            CREATE TRIGGER "{name}" AFTER {operation} ON "{table}" {when} BEGIN
                INSERT INTO "ChangeLog" ("Operation", "Entity", "EntityId", "ArtistId", "AlbumId", "UserId", "ActorId", "Suppressed", "Fields", "Transaction")
                VALUES ({code}, {entity}, {id.Replace("{row}", row)}, {artist.Replace("{row}", row)}, {album.Replace("{row}", row)},
                    {user.Replace("{row}", row)}, (SELECT "ActorId" FROM "ChangeContext"), coalesce((SELECT "Suppressed" FROM "ChangeContext"), 0),
                    {fields.Replace("{row}", row)}, (SELECT "Transaction" FROM "ChangeContext"));
            END;
            """;

        private static IEnumerable<(string Name, string Create)> LoggedTriggers =>
            (from table in Captured
             from operation in table.Operations
             let row = operation == "DELETE" ? "OLD" : "NEW"
             let code = operation switch { "INSERT" => 0, "UPDATE" => 1, _ => 2 }
             let name = $"ChangeLog_{table.Table}_{operation}"
             select (name, Trigger(name, operation, table.Table, table.When, code, table.Entity, table.Id, table.Artist, table.Album, table.User,
                 Fields(table.Fields, operation), row)))
            .Concat(
                from operation in new[] { "INSERT", "DELETE" }
                let row = operation == "DELETE" ? "OLD" : "NEW"
                let name = $"ChangeLog_AspNetUserRoles_{operation}"
                let role = RoleName.Replace("{row}", row)
                select (name, Trigger(name, operation, "AspNetUserRoles", "", 1, 5, Col("UserId"), "NULL", "NULL", Col("UserId"),
                    operation == "INSERT" ? $"json_object('Role', json_array(NULL, {role}))" : $"json_object('Role', json_array({role}, NULL))", row)));
    }
}
