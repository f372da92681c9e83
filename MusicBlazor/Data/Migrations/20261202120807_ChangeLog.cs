using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MusicBlazor.Data.Migrations
{
    /// <summary>
    /// The ordered, durable change log: a row per committed change, written by triggers in the same transaction as
    /// the change, whoever makes it (EF, ExecuteUpdate, raw SQL, another program). The acting user and suppression
    /// come from the one-row <c>ChangeContext</c> table, which the app's transactions fill and clear before they
    /// commit (<c>Data/ChangeLog/ChangeContextInterceptor.cs</c>); outside the app it is empty. An album's
    /// notifications are written set-based under <c>FanOut</c> and logged once per album by their writer.
    /// </summary>
    public partial class ChangeLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChangeLog",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Operation = table.Column<int>(type: "INTEGER", nullable: false),
                    Entity = table.Column<int>(type: "INTEGER", nullable: false),
                    EntityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ArtistId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AlbumId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Suppressed = table.Column<bool>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false, defaultValueSql: "strftime('%Y-%m-%d %H:%M:%f', 'now')")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeLog", x => x.Sequence);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeLog_At",
                table: "ChangeLog",
                column: "At");

            migrationBuilder.Sql("""
                CREATE TABLE "ChangeContext" (
                    "Id" INTEGER NOT NULL PRIMARY KEY CHECK ("Id" = 1),
                    "ActorId" TEXT NULL,
                    "Suppressed" INTEGER NOT NULL DEFAULT 0,
                    "Reason" TEXT NULL,
                    "FanOut" INTEGER NOT NULL DEFAULT 0);
                """);

            foreach (var trigger in Triggers)
            {
                migrationBuilder.Sql(trigger.Create);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in Triggers)
            {
                migrationBuilder.Sql($"""DROP TRIGGER "{trigger.Name}";""");
            }

            migrationBuilder.Sql("""DROP TABLE "ChangeContext";""");
            migrationBuilder.DropTable(
                name: "ChangeLog");
        }

        internal sealed record Trigger(string Name, string Create);

        private const string ArtistOfAlbum = """(SELECT "ArtistId" FROM "Albums" WHERE "Id" = {row}."AlbumId")""";

        private static string Col(string column) => "{row}.\"" + column + "\"";

        /// <summary>Per table: entity kind, then the id, artist, album and user columns of the logged row ({row} is NEW or OLD).</summary>
        private static readonly (string Table, int Entity, string Id, string Artist, string Album, string User, string[] Operations, string When)[] Captured =
        [
            ("Artists", 0, Col("Id"), Col("Id"), "NULL", "NULL", ["INSERT", "UPDATE", "DELETE"], ""),
            ("Albums", 1, Col("Id"), Col("ArtistId"), Col("Id"), "NULL", ["INSERT", "UPDATE", "DELETE"], ""),
            ("Tracks", 2, Col("Id"), ArtistOfAlbum, Col("AlbumId"), "NULL", ["INSERT", "UPDATE", "DELETE"], ""),
            ("ArtistFollowers", 3, Col("UserId"), Col("ArtistId"), "NULL", Col("UserId"), ["INSERT", "UPDATE", "DELETE"], ""),
            // Inserts fanned out to an album's followers are logged once, by their writer.
            ("Notifications", 4, Col("AlbumId"), ArtistOfAlbum, Col("AlbumId"), Col("UserId"), ["INSERT"],
                """WHEN coalesce((SELECT "FanOut" FROM "ChangeContext"), 0) = 0"""),
            ("Notifications", 4, Col("AlbumId"), ArtistOfAlbum, Col("AlbumId"), Col("UserId"), ["UPDATE", "DELETE"], ""),
            ("AspNetUsers", 5, Col("Id"), "NULL", "NULL", Col("Id"), ["INSERT", "UPDATE", "DELETE"], ""),
        ];

        internal static IEnumerable<Trigger> Triggers =>
            from table in Captured
            from operation in table.Operations
            let row = operation == "DELETE" ? "OLD" : "NEW"
            let code = operation switch { "INSERT" => 0, "UPDATE" => 1, _ => 2 }
            let name = $"ChangeLog_{table.Table}_{operation}"
            select new Trigger(name, $"""
                CREATE TRIGGER "{name}" AFTER {operation} ON "{table.Table}" {table.When} BEGIN
                    INSERT INTO "ChangeLog" ("Operation", "Entity", "EntityId", "ArtistId", "AlbumId", "UserId", "ActorId", "Suppressed")
                    VALUES ({code}, {table.Entity}, {table.Id.Replace("{row}", row)}, {table.Artist.Replace("{row}", row)},
                        {table.Album.Replace("{row}", row)}, {table.User.Replace("{row}", row)},
                        (SELECT "ActorId" FROM "ChangeContext"), coalesce((SELECT "Suppressed" FROM "ChangeContext"), 0));
                END;
                """);
    }
}
