using Microsoft.Data.Sqlite;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>Fast raw seeding of users, artists and follows (one transaction, one prepared statement each).</summary>
internal static class Seeder
{
    public static readonly DateTime Epoch = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Time-ordered ids (UUIDv7, as the app makes them), created <paramref name="count"/> at once.</summary>
    public static Guid[] NewIds(int count)
    {
        var ids = new Guid[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = Guid.CreateVersion7();
        }

        return ids;
    }

    public static Task UsersAsync(SqliteConnection connection, IEnumerable<Guid> users) =>
        Sql.BulkInsertAsync(connection, """
            INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed",
                "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
            VALUES ($id, $name, $norm, $name, $norm, 1, $stamp, $stamp, 0, 0, 1, 0)
            """,
            ["$id", "$name", "$norm", "$stamp"],
            users,
            (id, p) =>
            {
                var text = Sql.Guid(id);
                var name = $"u{id:N}@bench.test";
                p[0].Value = text;
                p[1].Value = name;
                p[2].Value = name.ToUpperInvariant();
                p[3].Value = text;
            });

    /// <summary>Gives a seeded user a role: the services read it from the database on every write.</summary>
    public static Task RoleAsync(SqliteConnection connection, Guid user, string role) =>
        Sql.ExecuteAsync(connection, """
            INSERT INTO "AspNetUserRoles" ("UserId", "RoleId") SELECT $user, "Id" FROM "AspNetRoles" WHERE "NormalizedName" = $role
            """,
            ("$user", Sql.Guid(user)), ("$role", role.ToUpperInvariant()));

    public static async Task ArtistAsync(SqliteConnection connection, Guid id, string name, int followerCount = 0)
    {
        var now = Sql.Date(Epoch);
        await Sql.ExecuteAsync(connection, """
            INSERT INTO "Artists" ("Id", "Name", "SearchName", "PreviousNames", "AlbumCount", "LatestAlbumYear", "FollowerCount", "CreatedAt", "UpdatedAt")
            VALUES ($id, $name, $search, '[]', 0, 0, $followers, $now, $now)
            """,
            ("$id", Sql.Guid(id)), ("$name", name), ("$search", name.ToLowerInvariant()), ("$followers", followerCount), ("$now", now));
    }

    public static Task FollowersAsync(SqliteConnection connection, IEnumerable<(Guid ArtistId, Guid UserId)> follows)
    {
        var now = Sql.Date(Epoch);
        return Sql.BulkInsertAsync(connection,
            """INSERT INTO "ArtistFollowers" ("ArtistId", "UserId", "CreatedAt") VALUES ($a, $u, $now)""",
            ["$a", "$u", "$now"],
            follows,
            (f, p) =>
            {
                p[0].Value = Sql.Guid(f.ArtistId);
                p[1].Value = Sql.Guid(f.UserId);
                p[2].Value = now;
            });
    }

    /// <summary>Removes an album and what hangs off it, outside the app (so no change events), and resets the artist's figures.</summary>
    public static Task DeleteAlbumAsync(SqliteConnection connection, Guid albumId, Guid artistId) =>
        Sql.ExecuteAsync(connection, """
            BEGIN;
            DELETE FROM "Notifications" WHERE "AlbumId" = $album;
            DELETE FROM "Tracks" WHERE "AlbumId" = $album;
            DELETE FROM "Albums" WHERE "Id" = $album;
            UPDATE "Artists" SET "AlbumCount" = 0, "LatestAlbumYear" = 0, "CoverImageUrl" = NULL WHERE "Id" = $artist;
            COMMIT;
            """,
            ("$album", Sql.Guid(albumId)), ("$artist", Sql.Guid(artistId)));
}
