using System.Diagnostics;
using MusicBlazor.Accounts;
using MusicBlazor.Benchmarks.Harness;
using MusicBlazor.Catalog;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Notifications.Hub;

namespace MusicBlazor.Benchmarks.Scenarios;

/// <summary>
/// 9. Two servers on one PostgreSQL database, each the app's service graph with its change listener running, and S
/// online followers split between them: each a DI scope with its own NotificationHub subscribed, as a circuit has.
/// An editor on server A creates an album; latency runs from A's commit to each callback on B (the NOTIFY at commit,
/// B's listener, B's follower reading the log, B's bus routing to its hubs). Callbacks on A are recorded too.
/// </summary>
internal sealed class PostgresCrossServer : IScenario
{
    /// <summary>As in the cluster tests: only a commit's NOTIFY wakes a follower, never its poll, so that path is what is timed.</summary>
    private static readonly Dictionary<string, string?> OnlyNotifications = new() { ["ChangeLog:PollInterval"] = "01:00:00" };

    public string Key => "pg-cross";
    public string Title => "10. PostgreSQL commit on A → callback on B";

    public async Task RunAsync(BenchOptions options, Report report)
    {
        var online = options.Quick ? 1_000 : 10_000;
        var (warmup, repetitions) = options.Quick ? (2, 5) : (3, 15);
        if (!PgSql.AvailableOrNotRun(report, Title, online, $"S={online:N0}"))
        {
            return;
        }

        await using var a = await BenchHost.StartPostgresAsync("pg-cross-a", listen: true, settings: OnlyNotifications);
        await using var b = await BenchHost.StartPostgresAsync("pg-cross-b", a.DatabaseName, listen: true, settings: OnlyNotifications);
        var editor = Guid.CreateVersion7();
        var users = Seeder.NewIds(online);
        var artist = Guid.CreateVersion7();
        await using (var seed = await a.OpenPostgresAsync())
        {
            await PostgresSeeder.UsersAsync(seed, [editor, .. users]);
            await PostgresSeeder.RoleAsync(seed, editor, Roles.Editor);
            await PostgresSeeder.ArtistAsync(seed, artist, "Cross-server artist", users);
            await PgSql.ExecuteAsync(seed, "VACUUM ANALYZE");
        }

        await a.CatchUpAsync();
        await b.CatchUpAsync();

        // Even-numbered followers are online on A, odd-numbered on B.
        var clock = new DeliveryClock(online);
        var circuits = new List<Circuit>(online);
        var openWatch = Stopwatch.StartNew();
        for (var i = 0; i < online; i++)
        {
            var index = i;
            var circuit = (i % 2 == 0 ? a : b).OpenCircuit(users[i]);
            circuits.Add(circuit);
            await circuit.Get<NotificationHub>().SubscribeToNotificationsAsync(delivery =>
            {
                var at = Stopwatch.GetTimestamp();
                if (delivery.Changes.Any(c => c is { Operation: ChangeOperation.Created, Entity: EntityKind.Notification }))
                {
                    clock.Received(index, at);
                    clock.Handled();
                }

                return Task.CompletedTask;
            });
        }

        Console.WriteLine($"  S={online:N0}: {online:N0} circuits subscribed on two servers in {openWatch.ElapsedMilliseconds} ms; {warmup} warm-up + {repetitions} measured albums");
        await using var writer = a.OpenCircuit(editor, Roles.Editor);
        var albums = writer.Get<AlbumService>();
        var onB = new List<double>();
        var onA = new List<double>();
        var perRepP99OnB = new List<double>();
        for (var rep = 0; rep < warmup + repetitions; rep++)
        {
            clock.Reset();
            var albumId = await albums.CreateAsync(artist, new AlbumInput { Name = $"Cross {rep}", YearReleased = 2024 });
            await clock.AllHandledAsync(TimeSpan.FromSeconds(60));
            var committed = a.PublishClock.LastCommitTimestamp;
            await a.PublishClock.WaitForBusIdleAsync(TimeSpan.FromSeconds(60));
            await b.PublishClock.WaitForBusIdleAsync(TimeSpan.FromSeconds(60));
            await using (var connection = await a.OpenPostgresAsync())
            {
                await PostgresSeeder.DeleteAlbumAsync(connection, albumId, artist);
            }

            await a.CatchUpAsync();
            await b.CatchUpAsync();
            if (rep < warmup)
            {
                continue;
            }

            var repOnB = clock.Stamps.Where((_, i) => i % 2 == 1).Select(t => Timing.ElapsedMs(committed, t)).ToArray();
            onB.AddRange(repOnB);
            onA.AddRange(clock.Stamps.Where((_, i) => i % 2 == 0).Select(t => Timing.ElapsedMs(committed, t)));
            perRepP99OnB.Add(Summary.Of(repOnB).P99);
        }

        var dropped = circuits.Sum(c => c.Get<NotificationHub>().DroppedEvents);
        foreach (var circuit in circuits)
        {
            await circuit.DisposeAsync();
        }

        var sb = Summary.Of(onB);
        var sa = Summary.Of(onA);
        var row = new ResultRow { Scenario = Title, Size = online, SizeLabel = $"S={online:N0}" };
        row.Show("Online followers (A + B)", $"{Report.Count(online - online / 2)} + {Report.Count(online / 2)}")
            .Show("on B p50 ms", Report.Ms(sb.P50))
            .Show("on B p95 ms", Report.Ms(sb.P95))
            .Show("on B p99 ms", Report.Ms(sb.P99))
            .Show("on B max ms", Report.Ms(sb.Max))
            .Show("on A p50 ms", Report.Ms(sa.P50))
            .Show("on A p99 ms", Report.Ms(sa.P99))
            .Show("dropped", Report.Count(dropped))
            .Show("reps", repetitions.ToString());
        row.Summarize("onB", sb).Summarize("onA", sa).Figures["droppedEvents"] = dropped;
        row.Figures["repetitions"] = repetitions;
        row.Details["perRepetitionP99OnBMs"] = perRepP99OnB;
        if (online == 10_000)
        {
            row.Targets.Add(TargetCheck.AtMost("PostgreSQL: commit on A to callback on B, p99 <= 250 ms at 10,000 online", "on B p99 ms", Math.Round(sb.P99, 2), 250));
        }

        row.Notes.Add("Two hosts of the app's service graph in this process on one throw-away PostgreSQL database, each with its change listener (LISTEN "
            + "on a dedicated connection) and follower; polling set to an hour, so only the NOTIFY at commit wakes a follower. Latency = callback "
            + "entry on B (or A) − the commit on A (transaction interceptor on A's options), pooled over all subscribers of all measured repetitions.");
        MachineLoad.Add(report, row, options.Quick ? "Quick run: S = 10,000 (where the p99 target applies) is measured only in the full run." : null);
    }
}
