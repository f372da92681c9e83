namespace MusicBlazor.Benchmarks.Harness;

/// <summary>How scenario 13 (background subscribers) records the writer's cost, sustained writes and bursts.</summary>
internal static class SubscriberFigures
{
    /// <summary>
    /// <paramref name="a"/> ÷ <paramref name="b"/> within each round: the two ran back to back, so a slow stretch of this
    /// shared machine lands on both and cancels. The targets are judged on its median.
    /// </summary>
    public static Summary PerRound(Dictionary<string, List<double>> samples, string a, string b) =>
        Summary.Of(samples[a].Zip(samples[b], (x, y) => x / y).ToList());

    private static string MedianAndRange(Summary ratios) => $"{Report.Ratio(ratios.P50)} ({Report.Ratio(ratios.Min)}–{Report.Ratio(ratios.Max)})";

    /// <param name="row">The writer's row, its cast already shown.</param>
    /// <param name="catchUp">After each 'with' write: until all three subscribers reached the head, ms.</param>
    public static void AddWriter(Report report, ResultRow row, Dictionary<string, List<double>> samples, List<double> catchUp, bool quick)
    {
        var with = Summary.Of(samples["with"]);
        var without = Summary.Of(samples["without"]);
        var paired = PerRound(samples, "with", "without");
        var behind = Summary.Of(catchUp);
        row.Show("with p50 ms", Report.Ms(with.P50))
            .Show("with p95 ms", Report.Ms(with.P95))
            .Show("without p50 ms", Report.Ms(without.P50))
            .Show("without p95 ms", Report.Ms(without.P95))
            .Show("with/without (p50)", Report.Ratio(with.P50 / without.P50))
            .Show("with/without per round", MedianAndRange(paired))
            .Show("write → all 3 handled p50 / p95 ms", $"{Report.Ms(behind.P50)} / {Report.Ms(behind.P95)}")
            .Show("reps", with.Count.ToString());
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
        MachineLoad.Add(report, row, quick ? "Quick run: 10 repetitions and bursts of 100 albums (full: 40 and 1,000)." : null);
    }

    /// <param name="samples">Round times, ms (<see cref="SustainedWrites"/>).</param>
    public static void AddSustained(string title, Report report, Dictionary<string, List<double>> samples, int perRound)
    {
        var running = Summary.Of(samples["running"]);
        var stopped = Summary.Of(samples["stopped"]);
        var paired = PerRound(samples, "running", "stopped");
        var row = new ResultRow { Scenario = title, Case = "sustained", Size = perRound, SizeLabel = $"{perRound} albums per round" };
        row.Show("albums per round", perRound.ToString())
            .Show("running ms/album (p50)", Report.Ms(running.P50 / perRound))
            .Show("stopped ms/album (p50)", Report.Ms(stopped.P50 / perRound))
            .Show("running/stopped (p50)", Report.Ratio(running.P50 / stopped.P50))
            .Show("running/stopped per round", MedianAndRange(paired))
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

    /// <summary>One row per subscriber of each burst (<see cref="SubscriberBurst"/>), with the writer's throughput running ÷ stopped.</summary>
    public static void AddBursts(string title, Report report, IReadOnlyList<SubscriberBurst> bursts)
    {
        var writerRatio = bursts.Single(b => b.Running).AlbumsPerSecond / bursts.Single(b => !b.Running).AlbumsPerSecond;
        foreach (var burst in bursts)
        {
            AddBurst(title, report, burst, writerRatio);
        }
    }

    private static void AddBurst(string title, Report report, SubscriberBurst burst, double writerRatio)
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
