using MusicBlazor.Accounts;
using MusicBlazor.Benchmarks.Harness;
using MusicBlazor.Catalog;

namespace MusicBlazor.Benchmarks.Scenarios;

/// <summary>
/// 10. Eight concurrent writers, each an editor's circuit creating albums through AlbumService.CreateAsync for an
/// artist of its own, on PostgreSQL: throughput with the NOTIFY at commit (migration PostgresChangeNotify) against
/// the same with that trigger disabled. pg_notify takes a global lock from the moment it queues until its
/// transaction's commit is done, so concurrent committers wait for each other there; this measures what that costs.
/// </summary>
internal sealed class PostgresWriters : IScenario
{
    private const int Writers = 8;
    private const int FollowersPerArtist = 20;
    private const string NotifyTrigger = "ChangeLogHead_Notify";

    public string Key => "pg-writers";
    public string Title => "11. PostgreSQL concurrent writers";

    public async Task RunAsync(BenchOptions options, Report report)
    {
        var (perWriter, warmup, rounds) = options.Quick ? (10, 1, 3) : (25, 1, 8);
        if (!PgSql.AvailableOrNotRun(report, Title, Writers, $"{Writers} writers"))
        {
            return;
        }

        await using var host = await BenchHost.StartPostgresAsync("pg-writers", listen: true);
        var editor = Guid.CreateVersion7();
        var users = Seeder.NewIds(FollowersPerArtist);
        var artists = Seeder.NewIds(Writers);
        await using (var seed = await host.OpenPostgresAsync())
        {
            await PostgresSeeder.UsersAsync(seed, [editor, .. users]);
            await PostgresSeeder.RoleAsync(seed, editor, Roles.Editor);
            for (var w = 0; w < Writers; w++)
            {
                await PostgresSeeder.ArtistAsync(seed, artists[w], $"Writer artist {w}", users);
            }

            await PgSql.ExecuteAsync(seed, "VACUUM ANALYZE");
        }

        await host.CatchUpAsync();
        var circuits = Enumerable.Range(0, Writers).Select(_ => host.OpenCircuit(editor, Roles.Editor)).ToList();

        async Task WriteAllAsync(string variant, int round) => await Task.WhenAll(circuits.Select(async (circuit, w) =>
        {
            var albums = circuit.Get<AlbumService>();
            for (var k = 0; k < perWriter; k++)
            {
                await albums.CreateAsync(artists[w], new AlbumInput { Name = $"{variant} {round}-{k}", YearReleased = 2024 });
            }
        }));

        async Task NotifyAsync(bool enabled)
        {
            await host.PublishClock.WaitForBusIdleAsync(TimeSpan.FromSeconds(60));
            await using var connection = await host.OpenPostgresAsync();
            await PgSql.ExecuteAsync(connection, $"""ALTER TABLE "ChangeLogHead" {(enabled ? "ENABLE" : "DISABLE")} TRIGGER "{NotifyTrigger}" """);
        }

        Console.WriteLine($"  {Writers} writers × {perWriter} albums per round: {warmup} warm-up + {rounds} measured rounds of notify/off");
        var samples = await Timing.InterleavedAsync(
        [
            new Variant("notify", round => WriteAllAsync("Notify", round), Setup: _ => NotifyAsync(true), Cleanup: _ => host.CatchUpAsync()),
            new Variant("off", round => WriteAllAsync("Off", round), Setup: _ => NotifyAsync(false), Cleanup: _ => host.CatchUpAsync()),
        ], warmup, rounds);
        await NotifyAsync(true);
        foreach (var circuit in circuits)
        {
            await circuit.DisposeAsync();
        }

        var albumsPerRound = Writers * perWriter;
        double PerSecond(double ms) => albumsPerRound / (ms / 1000.0);
        var notify = Summary.Of(samples["notify"]);
        var off = Summary.Of(samples["off"]);
        // Throughput ratio within each round (the two ran back to back): off time ÷ notify time.
        var paired = Summary.Of(samples["off"].Zip(samples["notify"], (o, n) => o / n).ToList());

        var row = new ResultRow { Scenario = Title, Size = Writers, SizeLabel = $"{Writers} writers" };
        row.Show("Writers", Writers.ToString())
            .Show("albums per round", Report.Count(albumsPerRound))
            .Show("with NOTIFY albums/s (p50)", Report.Count(PerSecond(notify.P50)))
            .Show("without albums/s (p50)", Report.Count(PerSecond(off.P50)))
            .Show("with/without", Report.Ratio(off.P50 / notify.P50))
            .Show("with/without per round", $"{Report.Ratio(paired.P50)} ({Report.Ratio(paired.Min)}–{Report.Ratio(paired.Max)})")
            .Show("rounds", rounds.ToString());
        row.Figures["notifyRoundP50Ms"] = notify.P50;
        row.Figures["offRoundP50Ms"] = off.P50;
        row.Figures["notifyAlbumsPerSecond"] = PerSecond(notify.P50);
        row.Figures["offAlbumsPerSecond"] = PerSecond(off.P50);
        row.Figures["rounds"] = rounds;
        row.Ratios["withOverWithout"] = off.P50 / notify.P50;
        row.Ratios["withOverWithoutPerRound"] = paired.P50;
        row.Details["samplesMs"] = samples;
        row.Targets.Add(TargetCheck.AtLeast("PostgreSQL writers: throughput with NOTIFY >= 0.9 x without", "with/without (median per round)", Math.Round(paired.P50, 3), 0.9));
        row.Notes.Add($"{Writers} editor circuits of one host, each creating {perWriter} albums in a row for its own artist ({FollowersPerArtist} followers, so each write "
            + "fans out too); a round ends when all are done. 'without' = the same with the NOTIFY trigger disabled (ALTER TABLE \"ChangeLogHead\" DISABLE "
            + $"TRIGGER \"{NotifyTrigger}\", this throw-away database only), alternating with 'with' round by round. The host's change listener runs throughout. "
            + "Writers of the change log already commit one at a time (its advisory lock), so the NOTIFY lock adds a step to a serialized commit rather than a new queue.");
        MachineLoad.Add(report, row);
    }
}
