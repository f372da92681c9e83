using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MusicBlazor.Accounts;
using MusicBlazor.Benchmarks.Harness;
using MusicBlazor.Catalog;
using MusicBlazor.Data;
using MusicBlazor.Notifications;

namespace MusicBlazor.Benchmarks.Scenarios;

/// <summary>
/// 1. Creating one album for an artist with F followers: the app's AlbumService.CreateAsync (album, one set-based
/// notification insert, artist figures, change capture, commit gate, publish) against a raw floor and a naive EF
/// write, all on the same database, interleaved, each repetition writing exactly F notification rows.
/// </summary>
internal sealed class FanOutWrite : IScenario
{
    public string Key => "fanout";
    public string Title => "1. Fan-out write";

    public async Task RunAsync(BenchOptions options, Report report)
    {
        int[] sizes = options.Quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
        await using var host = await BenchHost.StartAsync("fanout");

        // One editor (the album's creator, never notified) and max(F) users; artist k is followed by the first F_k users.
        var editor = Guid.CreateVersion7();
        var users = Seeder.NewIds(sizes.Max());
        var artists = sizes.ToDictionary(f => f, _ => Guid.CreateVersion7());
        await using (var seed = await host.OpenRawAsync())
        {
            await Seeder.UsersAsync(seed, [editor, .. users]);
            await Seeder.RoleAsync(seed, editor, Roles.Editor);
            foreach (var (followers, artist) in artists)
            {
                await Seeder.ArtistAsync(seed, artist, $"Fan-out artist {followers}", followers);
                await Seeder.FollowersAsync(seed, users.Take(followers).Select(u => (artist, u)));
            }
        }

        await host.CatchUpAsync();
        await host.CheckpointAsync();
        // "bare" writes the same rows into a copy of this database that has no change log triggers at all.
        var bareDatabase = await host.CopyWithoutChangeLogAsync();
        await using var circuit = host.OpenCircuit(editor, Roles.Editor);
        var albums = circuit.Get<AlbumService>();
        var editorActor = await circuit.Get<ICurrentActor>().GetAsync();

        foreach (var followers in sizes)
        {
            var artist = artists[followers];
            var (warmup, repetitions) = followers switch
            {
                <= 1_000 => (3, 15),
                <= 10_000 => (3, 15),
                _ => (1, 5),
            };

            var created = Guid.Empty;
            async Task CleanupAsync(string variant, string? database = null)
            {
                await host.PublishClock.WaitForBusIdleAsync(TimeSpan.FromSeconds(60));
                await using var connection = await host.OpenRawAsync(database);
                var written = await Sql.ScalarAsync(connection, """SELECT COUNT(*) FROM "Notifications" WHERE "AlbumId" = $id""", ("$id", Sql.Guid(created)));
                if (written != followers)
                {
                    throw new InvalidOperationException($"{variant} wrote {written} notifications for {followers} followers.");
                }

                await Seeder.DeleteAlbumAsync(connection, created, artist);
                await using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await checkpoint.ExecuteNonQueryAsync();
                // The deletes were logged too: their delivery must not run into the next measured write.
                await host.CatchUpAsync();
            }

            var variants = new List<Variant>
            {
                new("ours", async rep =>
                {
                    created = await albums.CreateAsync(artist, new AlbumInput { Name = $"Ours {followers}-{rep}", YearReleased = 2024 });
                }, Cleanup: _ => CleanupAsync("ours")),
                new("floor", async rep =>
                {
                    created = Guid.CreateVersion7();
                    await FloorAsync(host, null, created, artist, editor, $"Floor {followers}-{rep}");
                }, Cleanup: _ => CleanupAsync("floor")),
                new("bare", async rep =>
                {
                    created = Guid.CreateVersion7();
                    await FloorAsync(host, bareDatabase, created, artist, editor, $"Bare {followers}-{rep}");
                }, Cleanup: _ => CleanupAsync("bare", bareDatabase)),
                new("naive", async rep =>
                {
                    created = await NaiveAsync(host, editorActor, artist, $"Naive {followers}-{rep}");
                }, Cleanup: _ => CleanupAsync("naive")),
            };

            Console.WriteLine($"  F={followers:N0}: {warmup} warm-up + {repetitions} measured repetitions of ours/floor/naive");
            var samples = await Timing.InterleavedAsync(variants, warmup, repetitions, collectBetweenRuns: true);
            // One more, traced: where the time of our write goes (commands vs client work between them).
            var breakdown = await Breakdown.TraceAsync(host, async () =>
                created = await albums.CreateAsync(artist, new AlbumInput { Name = $"Traced {followers}", YearReleased = 2024 }));
            await CleanupAsync("ours (traced)");
            Console.WriteLine("    ours, traced: " + string.Join(" | ", breakdown));

            var ours = Summary.Of(samples["ours"]);
            var floor = Summary.Of(samples["floor"]);
            var naive = Summary.Of(samples["naive"]);
            var bare = Summary.Of(samples["bare"]);
            double RowsPerSecond(Summary s) => FanOutFigures.RowsPerSecond(followers, s);
            var paired = FanOutFigures.PerRound(samples);

            var row = new ResultRow { Scenario = Title, Size = followers, SizeLabel = $"F={followers:N0}" };
            row.Show("Followers (rows)", Report.Count(followers))
                .Show("ours p50 ms", Report.Ms(ours.P50))
                .Show("floor p50 ms", Report.Ms(floor.P50))
                .Show("naive p50 ms", Report.Ms(naive.P50))
                .Show("bare p50 ms", Report.Ms(bare.P50))
                .Show("ours rows/s", Report.Count(RowsPerSecond(ours)))
                .Show("floor rows/s", Report.Count(RowsPerSecond(floor)))
                .Show("naive rows/s", Report.Count(RowsPerSecond(naive)))
                .Show("ours/floor", Report.Ratio(ours.P50 / floor.P50))
                .Show("ours/floor per round", $"{Report.Ratio(paired.P50)} ({Report.Ratio(paired.Min)}–{Report.Ratio(paired.Max)})")
                .Show("naive/ours", Report.Ratio(naive.P50 / ours.P50))
                .Show("reps", repetitions.ToString());
            FanOutFigures.Record(row, followers, repetitions, samples);
            row.Ratios["naiveOverOurs"] = naive.P50 / ours.P50;
            row.Details["oursTracedBreakdown"] = breakdown;
            if (followers >= 10_000)
            {
                static double Limit(int f) => f >= 100_000 ? 1.1 : 1.2;
                row.Targets.Add(TargetCheck.AtMost(
                    $"Fan-out: ours <= {Limit(followers)} x floor", "ours/floor (median per round)", Math.Round(paired.P50, 3), Limit(followers)));
            }

            if (followers == 10_000)
            {
                row.Targets.Add(TargetCheck.AtLeast("Fan-out: naive/ours >= 10", "naive/ours (p50)", Math.Round(naive.P50 / ours.P50, 2), 10));
            }

            row.Notes.Add("Times are p50 over interleaved repetitions of the whole committed write; rows/s = F / p50. "
                + "ours/floor per round = the median (and range) of ours ÷ floor within each round, where the two ran back to back; the target is judged on it. "
                + "floor = raw Microsoft.Data.Sqlite on the same database, one transaction: album INSERT + one INSERT … SELECT, marked as fanning out so "
                + "the capture triggers write no row per notification (the album's own log row is written; the per-album notification row is not). "
                + "bare = the same SQL on a VACUUMed copy of the database without any capture triggers: what the rows alone cost. "
                + "ours writes its log entries (one per album for the notifications). "
                + "naive = EF query of follower ids + AddRange(F Notification) + one SaveChanges through the app's context.");
            if (options.Quick)
            {
                row.Notes.Add("Quick run: F = 100,000 is measured only in the full run.");
            }

            report.Rows.Add(row);
        }
    }

    /// <summary>The floor: the least a database-backed fan-out can do, with the app's connection settings.</summary>
    /// <param name="database">Null: the app's database, where the transaction marks itself as fanning out, so the capture
    /// triggers log no row per notification (the app's writer logs one per album; the floor none). Otherwise a copy
    /// without any capture triggers.</param>
    private static async Task FloorAsync(BenchHost host, string? database, Guid albumId, Guid artistId, Guid editor, string name)
    {
        await using var connection = await host.OpenRawAsync(database);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var fanOut = database is null ? """INSERT OR REPLACE INTO "ChangeContext" ("Id", "FanOut") VALUES (1, 1);""" : "";
        var clear = database is null ? """DELETE FROM "ChangeContext";""" : "";
        command.CommandText = fanOut + """
            INSERT INTO "Albums" ("Id", "ArtistId", "Name", "YearReleased", "CoverImageUrl", "CreatedById", "UpdatedById", "CreatedAt", "UpdatedAt")
            VALUES ($album, $artist, $name, 2024, NULL, $editor, $editor, $now, $now);
            INSERT INTO "Notifications" ("UserId", "AlbumId", "CreatedAt")
            SELECT f."UserId", $album, $now
            FROM "ArtistFollowers" AS f
            WHERE f."ArtistId" = $artist AND f."UserId" <> $editor;
            """ + clear;
        command.Parameters.AddWithValue("$album", Sql.Guid(albumId));
        command.Parameters.AddWithValue("$artist", Sql.Guid(artistId));
        command.Parameters.AddWithValue("$editor", Sql.Guid(editor));
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$now", Sql.Date(DateTime.UtcNow));
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    /// <summary>The naive write: load the followers, add one entity per notification, SaveChanges.</summary>
    private static async Task<Guid> NaiveAsync(BenchHost host, Actor editor, Guid artistId, string name)
    {
        await using var db = await host.DbFactory.OpenAsync(editor);
        var followers = await db.ArtistFollowers
            .Where(f => f.ArtistId == artistId && f.UserId != editor.UserId)
            .Select(f => f.UserId)
            .ToListAsync();
        var album = new Album { ArtistId = artistId, Name = name, YearReleased = 2024 };
        db.Albums.Add(album);
        var now = DateTime.UtcNow;
        db.Notifications.AddRange(followers.Select(user => new Notification { UserId = user, AlbumId = album.Id, CreatedAt = now }));
        await db.SaveChangesAsync();
        return album.Id;
    }
}
