using System.Diagnostics;
using MusicBlazor.Accounts;
using MusicBlazor.Benchmarks.Harness;
using MusicBlazor.Catalog;
using MusicBlazor.Notifications;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Notifications.Hub;

namespace MusicBlazor.Benchmarks.Scenarios;

/// <summary>
/// 2. S signed-in circuits, each a real DI scope with its own NotificationHub subscribed to notifications, all
/// following the artist. An editor creates an album; latency runs from the commit (TransactionCommitted, through
/// the change log and its follower) to each subscriber's callback. The callback then does what
/// the app's notifications panel does with a new-album event (AlbumSummaryCache lookup, minus rendering), and the
/// database commands executed from the commit until every callback finished are counted.
/// </summary>
internal sealed class LiveDelivery : IScenario
{
    public string Key => "live";
    public string Title => "2. Live delivery";

    public async Task RunAsync(BenchOptions options, Report report)
    {
        int[] sizes = options.Quick ? [100, 1_000] : [100, 1_000, 10_000];
        await using var host = await BenchHost.StartAsync("live");
        var editor = Guid.CreateVersion7();
        var users = Seeder.NewIds(sizes.Max());
        var artists = sizes.ToDictionary(s => s, _ => Guid.CreateVersion7());
        await using (var seed = await host.OpenRawAsync())
        {
            await Seeder.UsersAsync(seed, [editor, .. users]);
            await Seeder.RoleAsync(seed, editor, Roles.Editor);
            foreach (var (online, artist) in artists)
            {
                await Seeder.ArtistAsync(seed, artist, $"Live artist {online}", online);
                await Seeder.FollowersAsync(seed, users.Take(online).Select(u => (artist, u)));
            }
        }

        await host.CatchUpAsync();
        await host.CheckpointAsync();
        await using var writer = host.OpenCircuit(editor, Roles.Editor);
        var albums = writer.Get<AlbumService>();
        var summaries = host.Services.GetRequiredService<AlbumSummaryCache>();
        long? commandsAtSmallest = null;

        foreach (var online in sizes)
        {
            var artist = artists[online];
            var (warmup, repetitions) = online switch
            {
                <= 100 => (2, 15),
                <= 1_000 => (2, 10),
                _ => (1, 7),
            };

            // Per repetition: when each subscriber's callback was entered, and when all of them had finished.
            var clock = new DeliveryClock(online);

            var openWatch = Stopwatch.StartNew();
            var circuits = new List<Circuit>(online);
            for (var i = 0; i < online; i++)
            {
                var index = i;
                var circuit = host.OpenCircuit(users[i]);
                circuits.Add(circuit);
                await circuit.Get<NotificationHub>().SubscribeToNotificationsAsync(async delivery =>
                {
                    var at = Stopwatch.GetTimestamp();
                    foreach (var change in delivery.Changes)
                    {
                        if (change is { Operation: ChangeOperation.Created, Entity: EntityKind.Notification })
                        {
                            clock.Received(index, at);
                            // The panel resolves the album once per process (AlbumSummaryCache), then renders.
                            _ = await summaries.GetAsync(change.Id, change.Sequence);
                            clock.Handled();
                        }
                    }
                });
            }

            var openMs = openWatch.Elapsed.TotalMilliseconds;
            if (host.Bus.SinkCount != online)
            {
                throw new InvalidOperationException($"{host.Bus.SinkCount} sinks attached for {online} circuits.");
            }

            Console.WriteLine($"  S={online:N0}: {online:N0} circuits subscribed in {openMs:0} ms; {warmup} warm-up + {repetitions} measured albums");
            var latencies = new List<double>(online * repetitions);
            var perRepP99 = new List<double>();
            var commands = new List<long>();
            var returnAfterPublish = new List<double>();
            var lastAfterPublish = new List<double>();
            for (var rep = 0; rep < warmup + repetitions; rep++)
            {
                clock.Reset();
                var albumId = await albums.CreateAsync(artist, new AlbumInput { Name = $"Live {online}-{rep}", YearReleased = 2024 });
                var returned = Stopwatch.GetTimestamp();
                await clock.AllHandledAsync(TimeSpan.FromSeconds(60));
                var finished = Stopwatch.GetTimestamp();
                var published = host.PublishClock.LastCommitTimestamp;
                var commandCount = host.Commands.Count - host.PublishClock.CommandsAtLastCommit;
                await host.PublishClock.WaitForBusIdleAsync(TimeSpan.FromSeconds(60));

                await using (var connection = await host.OpenRawAsync())
                {
                    await Seeder.DeleteAlbumAsync(connection, albumId, artist);
                }

                await host.CatchUpAsync();

                if (rep < warmup)
                {
                    continue;
                }

                var repLatencies = clock.Stamps.Select(t => Timing.ElapsedMs(published, t)).ToArray();
                latencies.AddRange(repLatencies);
                perRepP99.Add(Summary.Of(repLatencies).P99);
                commands.Add(commandCount);
                returnAfterPublish.Add(Timing.ElapsedMs(published, returned));
                lastAfterPublish.Add(Timing.ElapsedMs(published, finished));
            }

            var dropped = circuits.Sum(c => c.Get<NotificationHub>().DroppedEvents);
            foreach (var circuit in circuits)
            {
                await circuit.DisposeAsync();
            }

            await host.CheckpointAsync();
            var summary = Summary.Of(latencies);
            var maxCommands = commands.Max();
            commandsAtSmallest ??= maxCommands;

            var row = new ResultRow { Scenario = Title, Size = online, SizeLabel = $"S={online:N0}" };
            row.Show("Online followers", Report.Count(online))
                .Show("p50 ms", Report.Ms(summary.P50))
                .Show("p99 ms", Report.Ms(summary.P99))
                .Show("max ms", Report.Ms(summary.Max))
                .Show("all handled ms (p50)", Report.Ms(Summary.Of(lastAfterPublish).P50))
                .Show("CreateAsync returned ms (p50)", Report.Ms(Summary.Of(returnAfterPublish).P50))
                .Show("DB commands during fan-out", commands.Min() == maxCommands ? Report.Count(maxCommands) : $"{commands.Min()}–{maxCommands}")
                .Show("dropped", Report.Count(dropped))
                .Show("reps", repetitions.ToString());
            row.Figures["p50Ms"] = summary.P50;
            row.Figures["p95Ms"] = summary.P95;
            row.Figures["p99Ms"] = summary.P99;
            row.Figures["maxMs"] = summary.Max;
            row.Figures["meanMs"] = summary.Mean;
            row.Figures["allHandledP50Ms"] = Summary.Of(lastAfterPublish).P50;
            row.Figures["createReturnedAfterPublishP50Ms"] = Summary.Of(returnAfterPublish).P50;
            row.Figures["dbCommandsDuringFanOutMax"] = maxCommands;
            row.Figures["dbCommandsDuringFanOutMin"] = commands.Min();
            row.Figures["droppedEvents"] = dropped;
            row.Figures["subscribeAllMs"] = openMs;
            row.Figures["repetitions"] = repetitions;
            row.Details["perRepetitionP99Ms"] = perRepP99;
            row.Details["dbCommandsPerRepetition"] = commands;
            if (online == 10_000)
            {
                row.Targets.Add(TargetCheck.AtMost("Live delivery: p99 <= 250 ms at 10,000 online", "p99 ms", Math.Round(summary.P99, 2), 250));
            }

            row.Targets.Add(TargetCheck.AtMost("Live delivery: DB commands do not grow with S", $"commands during fan-out (max)", maxCommands, commandsAtSmallest.Value));
            row.Notes.Add("Latency = callback entry − commit, pooled over all subscribers of all measured repetitions. The commit moment is "
                + "stamped by a transaction interceptor on the app's options (TransactionCommitted, Harness/CommitStamp.cs); the figures include "
                + "the change log follower reading the album's changes from the log. 'CreateAsync returned' is when the service call came back.");
            row.Notes.Add("DB commands = EF commands (DbCommandInterceptor on the app's options) from the commit until every callback finished: "
                + "the follower reads the new log rows once, the bus reads the album's recipients once (NotificationRecipients) and each "
                + "callback does the notifications panel's work (AlbumSummaryCache lookup, one query shared by all circuits), so the expected "
                + "figure is 3 whatever S.");
            if (options.Quick)
            {
                row.Notes.Add("Quick run: S = 10,000 (where the p99 target applies) is measured only in the full run.");
            }

            report.Rows.Add(row);
        }
    }
}
