using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MusicBlazor.Data.Migrations
{
    /// <summary>
    /// The audit trail and the activity feed, and what the audit needs from the log: the triggers of audited tables
    /// now capture the row's audited fields as <c>{"Field": [old, new]}</c> (an update: only the fields that changed;
    /// none changed: null), since old values cannot be read back later. Role grants and removals
    /// (<c>AspNetUserRoles</c>) are logged as updates of the account, with the role's name.
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

            foreach (var (name, create) in AuditedTriggers)
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

            foreach (var (name, _) in AuditedTriggers)
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{name}";""");
            }

            foreach (var (name, create) in ChangeLog.Triggers.Where(t => AuditedTriggers.Any(a => a.Name == t.Name)))
            {
                migrationBuilder.Sql(create);
            }

            migrationBuilder.DropColumn(
                name: "Fields",
                table: "ChangeLog");
        }
    

        private const string ArtistOfAlbum = """(SELECT "ArtistId" FROM "Albums" WHERE "Id" = {row}."AlbumId")""";
        private const string RoleName = """(SELECT "Name" FROM "AspNetRoles" WHERE "Id" = {row}."RoleId")""";

        private static string Col(string column) => "{row}.\"" + column + "\"";

        /// <summary>Per audited table: entity kind, the id, artist, album and user of the logged row, and its audited fields.</summary>
        private static readonly (string Table, int Entity, string Id, string Artist, string Album, string User, string[] Fields)[] Audited =
        [
            ("Artists", 0, Col("Id"), Col("Id"), "NULL", "NULL", ["Name", "Biography", "CoverImageUrl", "PreviousNames"]),
            ("Albums", 1, Col("Id"), Col("ArtistId"), Col("Id"), "NULL", ["Name", "YearReleased", "CoverImageUrl", "ArtistId"]),
            ("Tracks", 2, Col("Id"), ArtistOfAlbum, Col("AlbumId"), "NULL", ["Order", "Name", "DurationSeconds"]),
            ("AspNetUsers", 5, Col("Id"), "NULL", "NULL", Col("Id"), ["Email", "UserName", "EmailConfirmed", "LockoutEnd"]),
        ];

        /// <summary>Each field as <c>[old, new]</c>, null where the row has no old (insert) or new (delete) state.</summary>
        private static string Fields(string[] fields, string operation)
        {
            string Old(string field) => operation == "INSERT" ? "NULL" : $"OLD.\"{field}\"";
            string New(string field) => operation == "DELETE" ? "NULL" : $"NEW.\"{field}\"";
            var pairs = string.Join(" UNION ALL ", fields.Select(f => $"SELECT '{f}' AS k, {Old(f)} AS o, {New(f)} AS n"));
            return $"(SELECT nullif(json_group_object(k, json_array(o, n)), '{{}}') FROM ({pairs}) WHERE o IS NOT n)";
        }

        private static string Trigger(string name, string operation, string table, int code, int entity, string id, string artist, string album, string user, string fields, string row) => $"""
            CREATE TRIGGER "{name}" AFTER {operation} ON "{table}" BEGIN
                INSERT INTO "ChangeLog" ("Operation", "Entity", "EntityId", "ArtistId", "AlbumId", "UserId", "ActorId", "Suppressed", "Fields")
                VALUES ({code}, {entity}, {id.Replace("{row}", row)}, {artist.Replace("{row}", row)}, {album.Replace("{row}", row)},
                    {user.Replace("{row}", row)}, (SELECT "ActorId" FROM "ChangeContext"), coalesce((SELECT "Suppressed" FROM "ChangeContext"), 0),
                    {fields.Replace("{row}", row)});
            END;
            """;

        internal static IEnumerable<(string Name, string Create)> AuditedTriggers =>
            (from table in Audited
             from operation in new[] { "INSERT", "UPDATE", "DELETE" }
             let row = operation == "DELETE" ? "OLD" : "NEW"
             let code = operation switch { "INSERT" => 0, "UPDATE" => 1, _ => 2 }
             let name = $"ChangeLog_{table.Table}_{operation}"
             select (name, Trigger(name, operation, table.Table, code, table.Entity, table.Id, table.Artist, table.Album, table.User,
                 Fields(table.Fields, operation), row)))
            .Concat(
                from operation in new[] { "INSERT", "DELETE" }
                let row = operation == "DELETE" ? "OLD" : "NEW"
                let name = $"ChangeLog_AspNetUserRoles_{operation}"
                let role = RoleName.Replace("{row}", row)
                select (name, Trigger(name, operation, "AspNetUserRoles", 1, 5, Col("UserId"), "NULL", "NULL", Col("UserId"),
                    operation == "INSERT" ? $"json_object('Role', json_array(NULL, {role}))" : $"json_object('Role', json_array({role}, NULL))", row)));
    }
}
