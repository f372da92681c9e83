using Npgsql;
using MusicBlazor.Accounts;
using MusicBlazor.Benchmarks.Harness;
using MusicBlazor.Catalog;

namespace MusicBlazor.Benchmarks.Scenarios;

/// <summary>
/// 8. Scenario 1 on PostgreSQL: the app's AlbumService.CreateAsync for an artist with F followers (album, one
/// set-based notification insert, artist figures, change capture, the NOTIFY at commit) against its own raw floor, the
/// album INSERT and one INSERT … SELECT in one transaction, interleaved, each repetition writing exactly F notifications.
/// </summary>
internal sealed class PostgresFanOut : IScenario
{
    public string Key => "pg-fanout";
    public string Title => "9. PostgreSQL fan-out write";

    public async Task RunAsync(BenchOptions options, Report report)
    {
        int[] sizes = options.Quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
        if (!PgSql.AvailableOrNotRun(report, Title, sizes.Max(), $"F={sizes.Max():N0}"))
        {
            return;
        }

        await using var host = await BenchHost.StartPostgresAsync("pg-fanout");
        var editor = Guid.CreateVersion7();
        var users = Seeder.NewIds(sizes.Max());
        var artists = sizes.ToDictionary(f => f, _ => Guid.CreateVersion7());
        await using (var seed = await host.OpenPostgresAsync())
        {
            await PostgresSeeder.UsersAsync(seed, [editor, .. users]);
            await PostgresSeeder.RoleAsync(seed, editor, Roles.Editor);
            foreach (var (followers, artist) in artists)
            {
                await PostgresSeeder.ArtistAsync(seed, artist, $"Fan-out artist {followers}", users[..followers]);
            }

            await PgSql.ExecuteAsync(seed, "VACUUM ANALYZE");
        }

        await host.CatchUpAsync();
        await using var circuit = host.OpenCircuit(editor, Roles.Editor);
        var albums = circuit.Get<AlbumService>();

        foreach (var followers in sizes)
        {
            var artist = artists[followers];
            var (warmup, repetitions) = (options.Quick, followers) switch
            {
                (true, _) => (2, 5),
                (false, <= 10_000) => (3, 15),
                _ => (2, 9),
            };

            var created = Guid.Empty;
            async Task CleanupAsync(string variant)
            {
                await host.PublishClock.WaitForBusIdleAsync(TimeSpan.FromSeconds(60));
                await using var connection = await host.OpenPostgresAsync();
                var written = await PgSql.ScalarAsync(connection, """SELECT COUNT(*) FROM "Notifications" WHERE "AlbumId" = @id""", ("id", created));
                if (written != followers)
                {
                    throw new InvalidOperationException($"{variant} wrote {written} notifications for {followers} followers.");
                }

                await PostgresSeeder.DeleteAlbumAsync(connection, created, artist);
                // The album's deletion was logged: its delivery must not run into the next measured write.
                await host.CatchUpAsync();
            }

            async Task OursAsync(int rep) =>
                created = await albums.CreateAsync(artist, new AlbumInput { Name = $"Ours {followers}-{rep}", YearReleased = 2024 });
            Variant[] variants =
            [
                new("ours", OursAsync, Cleanup: _ => CleanupAsync("ours")),
                new("floor", rep => FloorAsync(host, created = Guid.CreateVersion7(), artist, editor, $"Floor {followers}-{rep}"), Cleanup: _ => CleanupAsync("floor")),
            ];

            Console.WriteLine($"  F={followers:N0}: {warmup} warm-up + {repetitions} measured repetitions of ours/floor");
            var samples = await Timing.InterleavedAsync(variants, warmup, repetitions, collectBetweenRuns: true);
            var ours = Summary.Of(samples["ours"]);
            var floor = Summary.Of(samples["floor"]);
            // As in scenario 1, judged on the median of per-round ratios (the two ran back to back in each round).
            var paired = FanOutFigures.PerRound(samples);

            var row = new ResultRow { Scenario = Title, Size = followers, SizeLabel = $"F={followers:N0}" };
            row.Show("Followers", Report.Count(followers))
                .Show("ours p50 ms", Report.Ms(ours.P50))
                .Show("floor p50 ms", Report.Ms(floor.P50))
                .Show("ours rows/s", Report.Count(FanOutFigures.RowsPerSecond(followers, ours)))
                .Show("floor rows/s", Report.Count(FanOutFigures.RowsPerSecond(followers, floor)))
                .Show("ours/floor", Report.Ratio(ours.P50 / floor.P50))
                .Show("ours/floor per round", $"{Report.Ratio(paired.P50)} ({Report.Ratio(paired.Min)}–{Report.Ratio(paired.Max)})")
                .Show("reps", repetitions.ToString());
            FanOutFigures.Record(row, followers, repetitions, samples);
            if (followers >= 10_000)
            {
                row.Targets.Add(TargetCheck.AtMost("PostgreSQL fan-out: ours <= 1.2 x floor", "ours/floor (median per round)", Math.Round(paired.P50, 3), 1.2));
            }

            row.Notes.Add("PostgreSQL, a throw-away database. Times are p50 over interleaved repetitions of the whole committed write; rows/s = F / p50; "
                + "the target is judged on the median of ours ÷ floor within each round. floor = raw Npgsql on the same database, one transaction: the "
                + "transaction marked as the app's and fanning out (so, as for ours, the capture triggers log the album and no row per notification), "
                + "album INSERT + one INSERT … SELECT from the followers; its commit fires the same NOTIFY. ours = AlbumService.CreateAsync: also the "
                + "role and artist checks, the name check, the per-album notification log row and the artist's figures. Between repetitions the "
                + "notifications are truncated and the album deleted (raw SQL).");
            MachineLoad.Add(report, row, options.Quick ? "Quick run: F = 100,000 is measured only in the full run." : null);
        }
    }

    /// <summary>The floor: the least a database-backed fan-out does for the same rows, in one transaction.</summary>
    private static async Task FloorAsync(BenchHost host, Guid albumId, Guid artistId, Guid editor, string name)
    {
        await using var connection = await host.OpenPostgresAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = PgSql.Command(connection, """
            SELECT set_config('musicblazor.context', '1', true), set_config('musicblazor.fan_out', '1', true);
            INSERT INTO "Albums" ("Id", "ArtistId", "Name", "YearReleased", "CoverImageUrl", "CreatedById", "UpdatedById", "CreatedAt", "UpdatedAt", "Version")
            VALUES (@album, @artist, @name, 2024, NULL, @editor, @editor, @now, @now, @album);
            INSERT INTO "Notifications" ("UserId", "AlbumId", "CreatedAt")
            SELECT f."UserId", @album, @now
            FROM "ArtistFollowers" AS f
            WHERE f."ArtistId" = @artist AND f."UserId" <> @editor;
            """,
            [("album", albumId), ("artist", artistId), ("editor", editor), ("name", name), ("now", DateTime.UtcNow)], transaction);
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
