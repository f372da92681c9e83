using Npgsql;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// Fast raw seeding on PostgreSQL: set-based inserts from arrays or generate_series, with the change log's capture
/// triggers off (the database is the scenario's own, so no one else writes meanwhile), so seeding logs nothing that
/// the follower would then have to publish.
/// </summary>
internal static class PostgresSeeder
{
    private static readonly string[] CapturedTables = ["AspNetUsers", "Artists", "Albums", "ArtistFollowers", "Notifications"];

    /// <summary>Runs <paramref name="sql"/> in one transaction with the capture triggers disabled around it.</summary>
    public static async Task WithoutCaptureAsync(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await Run(string.Concat(CapturedTables.Select(t => $"ALTER TABLE \"{t}\" DISABLE TRIGGER USER; ")));
        await Run(sql, parameters);
        await Run(string.Concat(CapturedTables.Select(t => $"ALTER TABLE \"{t}\" ENABLE TRIGGER USER; ")));
        await transaction.CommitAsync();

        async Task Run(string text, params (string Name, object? Value)[] values)
        {
            await using var command = PgSql.Command(connection, text, values, transaction);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Users with the given ids (as <see cref="Seeder.UsersAsync"/> writes them on SQLite).</summary>
    public static Task UsersAsync(NpgsqlConnection connection, Guid[] users) =>
        WithoutCaptureAsync(connection, """
            INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed",
                "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
            SELECT id, n, upper(n), n, upper(n), true, id::text, id::text, false, false, true, 0
            FROM unnest(@ids) AS id, LATERAL (SELECT 'u' || replace(id::text, '-', '') || '@bench.test' AS n) AS name
            """,
            ("ids", users));

    /// <summary>Gives a seeded user a role: the services read it from the database on every write.</summary>
    public static Task RoleAsync(NpgsqlConnection connection, Guid user, string role) =>
        PgSql.ExecuteAsync(connection, """
            INSERT INTO "AspNetUserRoles" ("UserId", "RoleId") SELECT @user, "Id" FROM "AspNetRoles" WHERE "NormalizedName" = @role
            """,
            ("user", user), ("role", role.ToUpperInvariant()));

    /// <summary>An artist followed by <paramref name="followers"/>, its follower count set to match.</summary>
    public static Task ArtistAsync(NpgsqlConnection connection, Guid id, string name, Guid[] followers) =>
        WithoutCaptureAsync(connection, """
            INSERT INTO "Artists" ("Id", "Name", "SearchName", "PreviousNames", "AlbumCount", "LatestAlbumYear", "FollowerCount", "CreatedAt", "UpdatedAt", "Version")
            VALUES (@id, @name, lower(@name), '{}', 0, 0, cardinality(@users), @now, @now, gen_random_uuid());
            INSERT INTO "ArtistFollowers" ("ArtistId", "UserId", "CreatedAt") SELECT @id, u, @now FROM unnest(@users) AS u;
            """,
            ("id", id), ("name", name), ("users", followers), ("now", Seeder.Epoch));

    /// <summary>
    /// Removes an album and what hangs off it outside the app, and resets the artist's figures. The notifications go
    /// by TRUNCATE, which fires no row trigger (the scenario's database holds no others): deleting F rows one by one
    /// would log F changes for the follower to publish into the next measured write.
    /// </summary>
    public static Task DeleteAlbumAsync(NpgsqlConnection connection, Guid albumId, Guid artistId) =>
        PgSql.ExecuteAsync(connection, """
            BEGIN;
            TRUNCATE "Notifications";
            DELETE FROM "Tracks" WHERE "AlbumId" = @album;
            DELETE FROM "Albums" WHERE "Id" = @album;
            UPDATE "Artists" SET "AlbumCount" = 0, "LatestAlbumYear" = 0, "CoverImageUrl" = NULL WHERE "Id" = @artist;
            COMMIT;
            """,
            ("album", albumId), ("artist", artistId));
}
