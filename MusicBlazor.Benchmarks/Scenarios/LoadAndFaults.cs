using System.Diagnostics;
using Microsoft.Playwright;
using MusicBlazor.Benchmarks.Harness;
using MusicBlazor.TestSupport.Browsers;

namespace MusicBlazor.Benchmarks.Scenarios;

/// <summary>
/// 8. Load and faults: the real app on Kestrel (SQLite file) with 100+ live Chromium circuits, opened in batches:
/// followers (signed in through the log-in page, each following every editor's artist, on an artist page with the
/// notifications panel open) and anonymous visitors on the same artist pages. Editors create albums concurrently
/// for a while at a human pace; every follower must see every album exactly once. A second phase does the same
/// while the WebSocket of a random third of the circuits (followers included) is cut once each; after Blazor
/// reconnects them and their hubs resync, nothing may be missing. Reports commit → visible percentiles, server RSS
/// and managed heap per circuit, SQLite busy errors and failed reconnections.
/// </summary>
internal sealed class LoadAndFaults : IScenario
{
    private const int Artists = 4;
    private const int BatchSize = 10;
    private const double CutFraction = 1.0 / 3;
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(60);

    public string Key => "load";
    public string Title => "8. Load and faults";

    private sealed record Size(int Followers, int Visitors, TimeSpan Duration)
    {
        public int Circuits => Followers + Visitors;
        public string Label => $"{Circuits} circuits, {Duration.TotalSeconds:0} s";
    }

    public async Task RunAsync(BenchOptions options, Report report)
    {
        var size = options.Quick ? new Size(10, 20, TimeSpan.FromSeconds(20)) : new Size(20, 80, TimeSpan.FromSeconds(60));
        if (FollowerPages.ChromiumOrNotRun(report, Title, size.Circuits, size.Label) is not { } chromium)
        {
            return;
        }

        var random = new Random(13);
        var problems = new ServerProblems();
        await using var server = new LoadAppServer(problems);
        server.Start();
        var (editors, followers) = await LoadCast.ArrangeAsync(server, Artists, size.Followers);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Args = Chromium.Args });
        var before = MemorySnapshot.Take();
        MemorySnapshot? firstBatch = null;
        var opening = Stopwatch.StartNew();
        var circuits = await LoadCircuits.OpenAsync(
            browser, server.BaseUrl, followers, [.. editors.Select(e => e.Artist)], size.Visitors, BatchSize, () => firstBatch = MemorySnapshot.Take());
        var openSeconds = opening.Elapsed.TotalSeconds;
        await Task.Delay(1000);
        var open = MemorySnapshot.Take();
        var windows = await circuits.FollowerWindowsAsync();
        // Per circuit beyond the first batch (the first pays for JIT and the app's first-use caches), and over all.
        var rssPerCircuit = (open.Rss - firstBatch!.Rss) / (double)(circuits.Count - BatchSize);
        var heapPerCircuit = (open.ManagedHeap - firstBatch.ManagedHeap) / (double)(circuits.Count - BatchSize);
        Console.WriteLine($"  {circuits.Count} circuits open in {openSeconds:0} s ({circuits.Followers.Count} followers in {windows} windows, "
            + $"{circuits.Visitors.Count} visitors); per circuit after the first batch: RSS {rssPerCircuit / 1024:0} KiB, heap {heapPerCircuit / 1024:0} KiB");

        var memory = new Dictionary<string, object?>
        {
            ["circuitsOpenSeconds"] = openSeconds,
            ["beforeAnyCircuit"] = before,
            ["afterFirstBatch"] = firstBatch,
            ["allCircuitsOpen"] = open,
            ["rssBytesPerCircuitIncludingFirstBatch"] = (open.Rss - before.Rss) / (double)circuits.Count,
            ["heapBytesPerCircuitIncludingFirstBatch"] = (open.ManagedHeap - before.ManagedHeap) / (double)circuits.Count,
        };
        foreach (var faults in new[] { false, true })
        {
            var row = await RunPhaseAsync(server, circuits, editors, size, faults, random);
            row.Figures["rssBytesPerCircuit"] = rssPerCircuit;
            row.Figures["heapBytesPerCircuit"] = heapPerCircuit;
            row.Figures["followerWindows"] = windows;
            row.Details["memory"] = memory;
            row.Show("RSS / circuit", Report.Bytes(rssPerCircuit)).Show("heap / circuit", Report.Bytes(heapPerCircuit));
            AddNotes(row, size, options, openSeconds, windows);
            report.Rows.Add(row);
        }

        memory["afterBothPhases"] = MemorySnapshot.Take();
        report.Rows[^1].Details["serverProblems"] = problems.Messages.ToList();
    }

    private async Task<ResultRow> RunPhaseAsync(
        LoadAppServer server, LoadCircuits circuits, List<(string Email, Guid Artist)> editors, Size size, bool faults, Random random)
    {
        var phase = faults ? "Faults" : "Steady";
        var (busyBefore, errorsBefore, circuitErrorsBefore, reloadsBefore) =
            (server.Problems.SqliteBusy, server.Problems.Errors, server.Problems.CircuitErrors, circuits.Reloads);
        var since = WallClock.UnixMs();
        var cpu = new CpuUse();
        var victims = faults ? CircuitSockets.Choose(random, CutFraction, circuits.Followers, circuits.Visitors) : [];
        var writing = AlbumWriters.RunAsync(server, editors, phase, size.Duration, random);
        var socketsCut = await CircuitSockets.CutDuringAsync(victims, (TimeSpan.FromSeconds(2), size.Duration - TimeSpan.FromSeconds(5) - CircuitSockets.Outage), random);
        var (albums, failedSaves) = await writing;
        var cpuPercent = cpu.PercentOfMachine();
        var loadAverage = CpuUse.LoadAverage();
        var names = albums.Select(a => a.Name).ToList();
        await LoadFigures.WaitForReconnectsAsync(victims, DeliveryTimeout);
        var settled = await LoadFigures.WaitForAllAsync(circuits.Followers, names, DeliveryTimeout);
        var followerStamps = await Task.WhenAll(circuits.Followers.Select(LoadProbe.CollectAsync));
        var visitorStamps = await Task.WhenAll(circuits.Visitors.Select(LoadProbe.CollectAsync));
        var figures = LoadFigures.Measure(albums, server.Commits, followerStamps, [.. followerStamps, .. visitorStamps], since);
        var reloads = circuits.Reloads - reloadsBefore;
        // Every cut is also a disconnection the page reported, so cuts never reported back are among these.
        var failedReconnects = figures.FailedReconnects + reloads;
        var busy = server.Problems.SqliteBusy - busyBefore;
        var latency = Summary.Of(figures.LatencyMs);
        var reconnect = Summary.Of(figures.Cuts.ReconnectMs);
        var followerReconnect = Summary.Of(CircuitSockets.Tally(followerStamps, since).ReconnectMs);
        var afterPhase = MemorySnapshot.Take();
        Console.WriteLine($"  {phase}: {albums.Count} albums, {figures.Delivered}/{figures.Expected} delivered, p50/p95/p99 "
            + $"{Report.Ms(latency.P50)}/{Report.Ms(latency.P95)}/{Report.Ms(latency.P99)} ms, {figures.Cuts.Cuts} cut, {failedReconnects} failed reconnects, {busy} busy");

        var row = new ResultRow { Scenario = Title, Case = phase, Size = circuits.Count, SizeLabel = size.Label };
        row.Show("Phase", faults ? $"faults ({victims.Count} sockets cut)" : "steady")
            .Show("Circuits", Report.Count(circuits.Count))
            .Show("Albums", Report.Count(albums.Count))
            .Show("Delivered / expected", $"{Report.Count(figures.Delivered)} / {Report.Count(figures.Expected)}")
            .Show("Missing", Report.Count(figures.Missing))
            .Show("Duplicates", Report.Count(figures.Duplicates))
            .Show("p50 ms", Report.Ms(latency.P50))
            .Show("p95 ms", Report.Ms(latency.P95))
            .Show("p99 ms", Report.Ms(latency.P99))
            .Show("Cut / reconnected", $"{figures.Cuts.Cuts} / {figures.Cuts.ReconnectMs.Count}")
            .Show("Reconnect p95 ms", Report.Ms(reconnect.P95))
            .Show("Committed in outages / shown", $"{figures.CommittedDuringOutages} / {figures.DeliveredAfterOutages}")
            .Show("Failed reconnects", Report.Count(failedReconnects))
            .Show("SQLite busy", Report.Count(busy))
            .Show("Server CPU", Report.Percent(cpuPercent))
            .Show("Load avg", loadAverage.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
        Percentiles(row, "", latency);
        Percentiles(row, "outsideOutages", Summary.Of(figures.OutsideOutagesLatencyMs));
        Percentiles(row, "reconnect", reconnect);
        Percentiles(row, "followersReconnect", followerReconnect);
        row.Figures["albums"] = albums.Count;
        row.Figures["failedSaves"] = failedSaves.Count;
        row.Figures["expected"] = figures.Expected;
        row.Figures["delivered"] = figures.Delivered;
        row.Figures["missing"] = figures.Missing;
        row.Figures["duplicates"] = figures.Duplicates;
        row.Figures["socketsCut"] = figures.Cuts.Cuts;
        row.Figures["socketsOpenWhenCut"] = socketsCut;
        row.Figures["reconnected"] = figures.Cuts.ReconnectMs.Count;
        row.Figures["disconnectsSeen"] = figures.Disconnects;
        row.Figures["committedDuringOutages"] = figures.CommittedDuringOutages;
        row.Figures["deliveredAfterOutages"] = figures.DeliveredAfterOutages;
        row.Figures["pageReloads"] = reloads;
        row.Figures["failedReconnects"] = failedReconnects;
        row.Figures["sqliteBusy"] = busy;
        row.Figures["serverErrors"] = server.Problems.Errors - errorsBefore;
        row.Figures["circuitErrors"] = server.Problems.CircuitErrors - circuitErrorsBefore;
        row.Figures["serverCpuPercentOfMachine"] = cpuPercent;
        row.Figures["loadAverage1m"] = loadAverage;
        row.Figures["rssAfterPhaseBytes"] = afterPhase.Rss;
        row.Figures["heapAfterPhaseBytes"] = afterPhase.ManagedHeap;
        row.Figures["settleAfterWritesSeconds"] = settled.TotalSeconds;
        row.Details["failedSaves"] = failedSaves;
        row.Details["samplesMs"] = figures.LatencyMs;
        row.Details["reconnectMs"] = figures.Cuts.ReconnectMs;
        row.Details["browserConsoleErrors"] = circuits.ConsoleErrors.ToList();
        row.Details["reconnectStatesOfCutPages"] = followerStamps.Concat(visitorStamps).Where(p => p.Cuts.Any(c => c >= since))
            .Select(p => new { cuts = p.Cuts, states = p.States.Select(s => $"{s.At:0} {s.State}"), opens = p.Opens }).ToList();
        var where = faults ? "with sockets cut" : "steady";
        foreach (var (what, figure, value) in new (string, string, double)[]
        {
            ("no notification missing", "missing", figures.Missing),
            ("no notification shown twice", "duplicates", figures.Duplicates),
            ("no SQLite busy error", "SQLite busy", busy),
            ("no circuit failed to reconnect", "failed reconnects", failedReconnects),
            ("every save succeeded", "failed saves", failedSaves.Count),
        })
        {
            row.Targets.Add(TargetCheck.Equal($"Load ({where}): {what}", figure, value, 0));
        }

        if (faults)
        {
            row.Targets.Add(TargetCheck.Equal("Load (with sockets cut): every notification committed in an outage shown after resync",
                "committed in outages − shown", figures.CommittedDuringOutages - figures.DeliveredAfterOutages, 0));
        }

        return row;
    }

    /// <summary>p50, p95, p99 and max of <paramref name="summary"/> as figures named after <paramref name="prefix"/>.</summary>
    private static void Percentiles(ResultRow row, string prefix, Summary summary)
    {
        foreach (var (name, value) in new[] { ("P50Ms", summary.P50), ("P95Ms", summary.P95), ("P99Ms", summary.P99), ("MaxMs", summary.Max) })
        {
            row.Figures[prefix.Length == 0 ? char.ToLowerInvariant(name[0]) + name[1..] : prefix + name] = value;
        }
    }

    private static void AddNotes(ResultRow row, Size size, BenchOptions options, double openSeconds, int windows)
    {
        row.Notes.Add($"The real app (WebApplicationFactory on Kestrel, SQLite file in WAL mode, Development) runs in the benchmark process; Debian "
            + $"Chromium headless holds {size.Circuits} circuits, opened {BatchSize} at a time ({openSeconds:0} s): {size.Followers} followers, each "
            + $"signed in through the log-in page in a browser context of its own ({windows} windows), on one of the {Artists} artists' pages with the "
            + $"notifications panel open, and {size.Visitors} anonymous visitors as tabs of shared contexts on the same artist pages. The test server "
            + $"allows {LoadAppServer.SignInsPerAddressPerMinute} sign-ins per minute from one address (the app's default is 10; every browser signs "
            + "in from 127.0.0.1); nothing else differs from the app's configuration.");
        row.Notes.Add($"Each phase: {Artists} editors (services signed in as editor accounts) create albums for their own artist concurrently "
            + $"for {size.Duration.TotalSeconds:0} s, as people would: the first within {AlbumWriters.MinInterval.TotalSeconds:0} s, then one every "
            + $"{AlbumWriters.MinInterval.TotalSeconds:0}–{AlbumWriters.MaxInterval.TotalSeconds:0} s at random. Every follower follows every "
            + "editor's artist, so expected = followers × albums. The run then waits (up to 60 s) until every follower shows every album.");
        row.Notes.Add("Commit → visible = the first moment a MutationObserver in the follower's page saw the album's item in the panel "
            + "(page clock, `performance.timeOrigin + performance.now()`) − the album transaction's commit (wall clock at TransactionCommitted of the "
            + "context that inserted it, Harness/AlbumCommits.cs), the same machine clock. Duplicates = album names in a panel more than once at the end.");
        row.Notes.Add($"Fault phase: a random third of the followers and of the visitors each go through one network outage of "
            + $"{CircuitSockets.Outage.TotalSeconds:0} s, starting at a random moment from 2 s after the start to "
            + $"{5 + CircuitSockets.Outage.TotalSeconds:0} s before the end: the page closes its WebSocket with code 4000 (SignalR's client takes "
            + "any code but 1000 for a lost connection) and new sockets fail at once until the outage ends (their upgrade goes to a "
            + "same-origin path that answers 404; Harness/CircuitSockets.cs). Blazor retries 10 times at once, then every 5 s, so most circuits are back after about 5 s. "
            + "Reconnect = cut → Blazor reporting the circuit back. 'Committed in outages' = (follower, album) pairs whose album committed while "
            + "that follower was cut off: each must be shown after its hub resynced; their commit → visible includes the outage, so the JSON "
            + "also has the percentiles without them (outsideOutagesP50Ms …). Failed reconnects = disconnections never reported back, "
            + "reconnections given up or refused, and page reloads; in the steady phase any disconnection at all counts.");
        row.Notes.Add("Per circuit = (process RSS, and managed heap after a forced full GC, once every circuit is open − after the first batch "
            + $"of {BatchSize}, which pays for JIT and first-use caches) ÷ the other circuits (figures including the first batch are in the JSON); "
            + "the process holds the app and the benchmark's Playwright client. SQLite busy = SQLITE_BUSY or SQLITE_LOCKED errors "
            + "the server logged (Harness/ServerProblems.cs). Server CPU = this process's CPU time over the phase's writing, as % of all cores; "
            + "load avg = the machine's 1-minute load average at its end (Chromium and whatever else shares the 2 cores).");
        if (options.Quick)
        {
            row.Notes.Add("Quick run: 30 circuits (10 followers, 20 visitors), 20 s phases; the full run has 100 circuits and 60 s phases.");
        }
    }
}
