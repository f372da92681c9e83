using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MusicBlazor.Data.Migrations
{
    /// <inheritdoc />
    public partial class ArtistSortIndexesCarrySearchName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Artists_AlbumCount_Id",
                table: "Artists");

            migrationBuilder.DropIndex(
                name: "IX_Artists_CreatedAt_Id",
                table: "Artists");

            migrationBuilder.DropIndex(
                name: "IX_Artists_FollowerCount_Id",
                table: "Artists");

            migrationBuilder.DropIndex(
                name: "IX_Artists_LatestAlbumYear_Id",
                table: "Artists");

            migrationBuilder.DropIndex(
                name: "IX_Artists_UpdatedAt_Id",
                table: "Artists");

            migrationBuilder.CreateIndex(
                name: "IX_Artists_AlbumCount_Id_SearchName",
                table: "Artists",
                columns: new[] { "AlbumCount", "Id", "SearchName" });

            migrationBuilder.CreateIndex(
                name: "IX_Artists_CreatedAt_Id_SearchName",
                table: "Artists",
                columns: new[] { "CreatedAt", "Id", "SearchName" });

            migrationBuilder.CreateIndex(
                name: "IX_Artists_FollowerCount_Id_SearchName",
                table: "Artists",
                columns: new[] { "FollowerCount", "Id", "SearchName" });

            migrationBuilder.CreateIndex(
                name: "IX_Artists_LatestAlbumYear_Id_SearchName",
                table: "Artists",
                columns: new[] { "LatestAlbumYear", "Id", "SearchName" });

            migrationBuilder.CreateIndex(
                name: "IX_Artists_UpdatedAt_Id_SearchName",
                table: "Artists",
                columns: new[] { "UpdatedAt", "Id", "SearchName" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Artists_AlbumCount_Id_SearchName",
                table: "Artists");

            migrationBuilder.DropIndex(
                name: "IX_Artists_CreatedAt_Id_SearchName",
                table: "Artists");

            migrationBuilder.DropIndex(
                name: "IX_Artists_FollowerCount_Id_SearchName",
                table: "Artists");

            migrationBuilder.DropIndex(
                name: "IX_Artists_LatestAlbumYear_Id_SearchName",
                table: "Artists");

            migrationBuilder.DropIndex(
                name: "IX_Artists_UpdatedAt_Id_SearchName",
                table: "Artists");

            migrationBuilder.CreateIndex(
                name: "IX_Artists_AlbumCount_Id",
                table: "Artists",
                columns: new[] { "AlbumCount", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Artists_CreatedAt_Id",
                table: "Artists",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Artists_FollowerCount_Id",
                table: "Artists",
                columns: new[] { "FollowerCount", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Artists_LatestAlbumYear_Id",
                table: "Artists",
                columns: new[] { "LatestAlbumYear", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Artists_UpdatedAt_Id",
                table: "Artists",
                columns: new[] { "UpdatedAt", "Id" });
        }
    }
}
