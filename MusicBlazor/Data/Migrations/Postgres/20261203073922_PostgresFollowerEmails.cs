using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MusicBlazor.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PostgresFollowerEmails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AlbumEmails",
                table: "AspNetUsers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "AlbumEmails",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    AlbumId = table.Column<Guid>(type: "uuid", nullable: false),
                    InDigest = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClaimId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClaimedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlbumEmails", x => new { x.UserId, x.AlbumId });
                    table.ForeignKey(
                        name: "FK_AlbumEmails_Albums_AlbumId",
                        column: x => x.AlbumId,
                        principalTable: "Albums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AlbumEmails_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AlbumEmails_AlbumId",
                table: "AlbumEmails",
                column: "AlbumId");

            migrationBuilder.CreateIndex(
                name: "IX_AlbumEmails_ClaimId",
                table: "AlbumEmails",
                column: "ClaimId");

            migrationBuilder.CreateIndex(
                name: "IX_AlbumEmails_InDigest_ClaimedAt_CreatedAt",
                table: "AlbumEmails",
                columns: new[] { "InDigest", "ClaimedAt", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AlbumEmails");

            migrationBuilder.DropColumn(
                name: "AlbumEmails",
                table: "AspNetUsers");
        }
    }
}
