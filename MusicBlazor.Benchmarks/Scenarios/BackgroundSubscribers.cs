using MusicBlazor.Accounts;
using MusicBlazor.Benchmarks.Harness;
using MusicBlazor.Catalog;
using MusicBlazor.Data.Providers;
using MusicBlazor.Notifications.Email;

namespace MusicBlazor.Benchmarks.Scenarios;

/// <summary>
/// 13. The background subscribers (audit trail, activity feed, follower e-mails) and the writer: AlbumService.CreateAsync
/// on a host where the three run against one where none is registered, interleaved; then bursts of albums committed as
/// fast as one editor goes, with the subscribers running and with them stopped until the burst's end: each one's
/// events per second and its lag (sequences behind the head, and time) when the last album committed. On SQLite, and
/// in the full run also on PostgreSQL when a server answers.
/// </summary>
internal sealed class BackgroundSubscribers : IScenario
{
    private const int Followers = 100;
    private const int AtOnce = 10;
    private const int InDigest = 10;

    public string Key => "subscribers";
    public string Title => "13. Background subscribers";

    public async Task RunAsync(BenchOptions options, Report report)
    {
        await RunOnAsync(DatabaseProvider.Sqlite, Title, options, report);
        // PostgreSQL only in the full run: the quick one stays within its minute.
        var postgres = Title + " (PostgreSQL)";
        if (!options.Quick && PgSql.AvailableOrNotRun(report, postgres, Followers, $"F={Followers}"))
        {
            await RunOnAsync(DatabaseProvider.Postgres, postgres, options, report);
        }
    }

    private static Task<BenchHost> StartAsync(DatabaseProvider provider, string name, Action<IServiceCollection>? register = null) =>
        provider == DatabaseProvider.Postgres ? BenchHost.StartPostgresAsync(name, register: register) : BenchHost.StartAsync(name, register);

    private async Task RunOnAsync(DatabaseProvider provider, string title, BenchOptions options, Report report)
    {
        var (warmup, repetitions, burst) = options.Quick ? (2, 10, 100) : (5, 40, 1_000);
        var (perRound, rounds) = options.Quick ? (10, 3) : (50, 8);
        Console.WriteLine($"  on {provider}");
        await using var withHost = await StartAsync(provider, "subscribers", RunningSubscribers.Register);
        await using var withoutHost = await StartAsync(provider, "no-subscribers");
        var editor = Guid.CreateVersion7();
        var withArtist = await SeedAsync(withHost, editor);
        var withoutArtist = await SeedAsync(withoutHost, editor);
        var subscribers = new RunningSubscribers(withHost);
        await subscribers.StartAsync();

        await using var withCircuit = withHost.OpenCircuit(editor, Roles.Editor);
        await using var withoutCircuit = withoutHost.OpenCircuit(editor, Roles.Editor);
        var withAlbums = withCircuit.Get<AlbumService>();
        var withoutAlbums = withoutCircuit.Get<AlbumService>();
        var catchUp = new List<double>();
        Console.WriteLine($"  writer: {warmup} warm-up + {repetitions} measured repetitions of with/without");
        var samples = await Timing.InterleavedAsync(
        [
            new Variant("with", rep => withAlbums.CreateAsync(withArtist, Album($"With {rep}")), Cleanup: async rep =>
            {
                var written = System.Diagnostics.Stopwatch.GetTimestamp();
                var reached = await subscribers.ReachedAsync(await subscribers.HeadAsync(), TimeSpan.FromSeconds(60));
                if (rep >= warmup)
                {
                    catchUp.Add(Timing.ElapsedMs(written, reached.Values.Max()));
                }

                await withHost.PublishClock.WaitForBusIdleAsync(TimeSpan.FromSeconds(60));
            }),
            new Variant("without", rep => withoutAlbums.CreateAsync(withoutArtist, Album($"Without {rep}")),
                Cleanup: _ => withoutHost.PublishClock.WaitForBusIdleAsync(TimeSpan.FromSeconds(60))),
        ], warmup, repetitions, collectBetweenRuns: true);
        AddWriterRow(title, report, options, samples, catchUp, repetitions);

        Console.WriteLine($"  sustained: 1 warm-up + {rounds} rounds of {perRound} albums back to back, subscribers running/stopped");
        var sustained = await SustainedWrites.CompareAsync(subscribers, perRound, 1, rounds, name => withAlbums.CreateAsync(withArtist, Album(name)));
        AddSustainedRow(title + ": sustained writes", report, sustained, perRound);

        var bursts = new List<SubscriberBurst>();
        foreach (var running in new[] { true, false })
        {
            Console.WriteLine($"  burst of {burst:N0} albums, subscribers {(running ? "running" : "stopped until its end")}");
            bursts.Add(await SubscriberBurst.RunAsync(subscribers, burst, running,
                i => withAlbums.CreateAsync(withArtist, Album($"Burst {(running ? "running" : "stopped")} {i}"))));
        }

        AddBurstRows(title + ": burst", report, bursts);
    }

    private static AlbumInput Album(string name) => new() { Name = name, YearReleased = 2024 };

    /// <summary>
    /// The editor and an artist with <see cref="Followers"/> followers, <see cref="AtOnce"/> of whom want an e-mail per
    /// album and <see cref="InDigest"/> a daily digest; returns the artist.
    /// </summary>
    private static async Task<Guid> SeedAsync(BenchHost host, Guid editor)
    {
        var artist = Guid.CreateVersion7();
        var users = Seeder.NewIds(Followers);
        var choices = users.Take(AtOnce + InDigest).Select((user, i) => (User: user, Choice: (int)(i < AtOnce ? AlbumEmailChoice.AtOnce : AlbumEmailChoice.DailyDigest)));
        const string Choose = """UPDATE "AspNetUsers" SET "AlbumEmails" = @choice WHERE "Id" = @id""";
        if (host.Provider == DatabaseProvider.Postgres)
        {
            await using var seed = await host.OpenPostgresAsync();
            await PostgresSeeder.UsersAsync(seed, [editor, .. users]);
            await PostgresSeeder.RoleAsync(seed, editor, Roles.Editor);
            await PostgresSeeder.ArtistAsync(seed, artist, "Subscribed artist", users);
            foreach (var (user, choice) in choices)
            {
                await PgSql.ExecuteAsync(seed, Choose, ("choice", choice), ("id", user));
            }

            await PgSql.ExecuteAsync(seed, "VACUUM ANALYZE");
        }
        else
        {
            await using var seed = await host.OpenRawAsync();
            await Seeder.UsersAsync(seed, [editor, .. users]);
            await Seeder.RoleAsync(seed, editor, Roles.Editor);
            await Seeder.ArtistAsync(seed, artist, "Subscribed artist", Followers);
            await Seeder.FollowersAsync(seed, users.Select(u => (artist, u)));
            foreach (var (user, choice) in choices)
            {
                await Sql.ExecuteAsync(seed, Choose, ("@choice", choice), ("@id", Sql.Guid(user)));
            }
        }

        await host.CatchUpAsync();
        return artist;
    }

    private static void AddWriterRow(string title, Report report, BenchOptions options, Dictionary<string, List<double>> samples, List<double> catchUp, int repetitions)
    {
        var with = Summary.Of(samples["with"]);
        var without = Summary.Of(samples["without"]);
        var paired = Summary.Of(samples["with"].Zip(samples["without"], (w, o) => w / o).ToList());
        var behind = Summary.Of(catchUp);
        var row = new ResultRow { Scenario = title, Case = "writer", Size = Followers, SizeLabel = $"F={Followers}" };
        row.Show("Followers", $"{Followers} ({AtOnce} e-mail at once, {InDigest} digest)")
            .Show("with p50 ms", Report.Ms(with.P50))
            .Show("with p95 ms", Report.Ms(with.P95))
            .Show("without p50 ms", Report.Ms(without.P50))
            .Show("without p95 ms", Report.Ms(without.P95))
            .Show("with/without (p50)", Report.Ratio(with.P50 / without.P50))
            .Show("with/without per round", $"{Report.Ratio(paired.P50)} ({Report.Ratio(paired.Min)}–{Report.Ratio(paired.Max)})")
            .Show("write → all 3 handled p50 / p95 ms", $"{Report.Ms(behind.P50)} / {Report.Ms(behind.P95)}")
            .Show("reps", repetitions.ToString());
        row.Summarize("with", with).Summarize("without", without).Summarize("handledAfterWrite", behind);
        row.Ratios["withOverWithout"] = with.P50 / without.P50;
        row.Ratios["withOverWithoutPerRound"] = paired.P50;
        row.Details["samplesMs"] = samples;
        row.Targets.Add(TargetCheck.AtMost("Subscribers: album create with them <= 1.1 x without", "with/without (median per round)", Math.Round(paired.P50, 3), 1.1));
        row.Notes.Add("Writer: AlbumService.CreateAsync by an editor's circuit, committed, on two hosts of the app's services, each with its own database (SQLite file, or PostgreSQL database) seeded alike: "
            + "'with' registers the three subscribers as the app does (AddAuditTrailAndActivity, AddFollowerEmails; mail to the development mailbox) and runs them "
            + "(SubscriberHost started), 'without' registers none. Interleaved round-robin after warm-up; after each 'with' write, untimed, the run waits until all three "
            + "subscribers' saved positions reach the head (write → all 3 handled), so one write's background work does not land in the next write's window. "
            + "The target is judged on the median of the per-round ratios.");
        MachineLoad.Add(report, row, options.Quick ? "Quick run: 10 repetitions and bursts of 100 albums (full: 40 and 1,000)." : null);
    }

    private static void AddSustainedRow(string title, Report report, Dictionary<string, List<double>> samples, int perRound)
    {
        var running = Summary.Of(samples["running"]);
        var stopped = Summary.Of(samples["stopped"]);
        var paired = Summary.Of(samples["running"].Zip(samples["stopped"], (r, s) => r / s).ToList());
        var row = new ResultRow { Scenario = title, Case = "sustained", Size = perRound, SizeLabel = $"{perRound} albums per round" };
        row.Show("albums per round", perRound.ToString())
            .Show("running ms/album (p50)", Report.Ms(running.P50 / perRound))
            .Show("stopped ms/album (p50)", Report.Ms(stopped.P50 / perRound))
            .Show("running/stopped (p50)", Report.Ratio(running.P50 / stopped.P50))
            .Show("running/stopped per round", $"{Report.Ratio(paired.P50)} ({Report.Ratio(paired.Min)}–{Report.Ratio(paired.Max)})")
            .Show("rounds", samples["running"].Count.ToString());
        row.Summarize("runningRound", running).Summarize("stoppedRound", stopped);
        row.Ratios["runningOverStoppedPerRound"] = paired.P50;
        row.Details["samplesMs"] = samples;
        row.Targets.Add(TargetCheck.AtMost("Subscribers: back-to-back album creates with them running <= 1.1 x stopped", "running/stopped (median per round)", Math.Round(paired.P50, 3), 1.1));
        row.Notes.Add("Sustained writes: on the 'with' host, rounds of albums created one after another by one editor, alternating round by round between the "
            + "subscribers running during the round and stopped for it (SubscriberHost.StopAsync before, started again after; untimed), each round starting "
            + "with every subscriber at the head. Here each write shares the cores (and the database) with the background work of the writes before it.");
        MachineLoad.Add(report, row);
    }

    private static void AddBurstRows(string title, Report report, IReadOnlyList<SubscriberBurst> bursts)
    {
        var writerRatio = bursts.Single(b => b.Running).AlbumsPerSecond / bursts.Single(b => !b.Running).AlbumsPerSecond;
        foreach (var burst in bursts)
        {
            AddBurstRows(title, report, burst, writerRatio);
        }
    }

    private static void AddBurstRows(string title, Report report, SubscriberBurst burst, double writerRatio)
    {
        var mode = burst.Running ? "running during the burst" : "stopped, started after it";
        foreach (var lag in burst.Subscribers)
        {
            var row = new ResultRow { Scenario = title, Case = $"{mode}, {lag.Name}", Size = burst.Albums, SizeLabel = $"{burst.Albums:N0} albums" };
            row.Show("Subscribers", mode)
                .Show("Subscriber", lag.Name)
                .Show("albums", Report.Count(burst.Albums))
                .Show("writer albums/s", Report.Count(burst.AlbumsPerSecond))
                .Show("log events", Report.Count(burst.Events))
                .Show("handled", Report.Count(lag.Handled))
                .Show("events/s", Report.Count(lag.EventsPerSecond))
                .Show("lag at last commit (events)", Report.Count(lag.LagEvents))
                .Show("last commit → at head ms", Report.Ms(lag.CatchUpMs));
            row.Figures["writerAlbumsPerSecond"] = burst.AlbumsPerSecond;
            row.Figures["burstWriteMs"] = burst.WriteMs;
            row.Figures["logEvents"] = burst.Events;
            row.Figures["handled"] = lag.Handled;
            row.Figures["eventsPerSecond"] = lag.EventsPerSecond;
            row.Figures["lagEventsAtLastCommit"] = lag.LagEvents;
            row.Figures["lastCommitToHeadMs"] = lag.CatchUpMs;
            row.Ratios["writerRunningOverStopped"] = writerRatio;
            row.Notes.Add("Burst: one editor's circuit creates the albums one after another, each committed, on the 'with' host. Lag at last commit = log head − the "
                + "subscriber's position as the last write returned; last commit → at head = until its saved position reached that head (SubscriberProgress). "
                + "events/s = the burst's log events ÷ the time from the burst's first write (running) or from the subscribers' start after its last commit (stopped) "
                + "until the subscriber reached the head: the stopped case is its flat-out rate. The three run concurrently, each on its own task, all writing to the one database.");
            row.Notes.Add($"Writer throughput in the burst with the subscribers running ÷ with them stopped: {Report.Ratio(writerRatio)} "
                + "(the bursts ran one after the other on the same database; the subscribers' writes compete with the writer's for the cores and, on SQLite, for its one write lock).");
            MachineLoad.Add(report, row);
        }
    }
}
