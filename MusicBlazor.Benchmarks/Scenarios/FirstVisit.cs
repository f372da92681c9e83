using Microsoft.Playwright;
using MusicBlazor.Accounts;
using MusicBlazor.Benchmarks.Harness;
using MusicBlazor.Catalog;
using MusicBlazor.Data.DemoData;
using MusicBlazor.TestSupport.Browsers;

namespace MusicBlazor.Benchmarks.Scenarios;

/// <summary>
/// 6. What a first visit costs the user: a signed-in follower opens the artist list in Chromium on a cold cache (a
/// fresh browser context per visit, holding only the log-in cookie). Reports the bytes transferred, the time until
/// the circuit's WebSocket is open and until the first interactive render is done, and the managed heap each open
/// circuit (artist page, notifications panel open) costs the server. Compared with figures recorded by this same
/// scenario on the build before MudBlazor (Baselines/before-mudblazor.json).
/// </summary>
internal sealed class FirstVisit : IScenario
{
    private const int WarmupVisits = 2;
    private const int HeapRounds = 5;
    private const int Artists = 12;
    private const double MicrosoftBytesPerCircuit = 250 * 1024;

    public string Key => "firstvisit";
    public string Title => "6. First visit and memory per circuit";

    public async Task RunAsync(BenchOptions options, Report report)
    {
        if (FollowerPages.ChromiumOrNotRun(report, Title, 0, "–") is not { } chromium)
        {
            return;
        }

        var visits = options.Quick ? 20 : 40;
        var circuits = options.Quick ? 20 : 40;
        await using var server = new AppServer();
        server.Start();
        var (artist, follower) = await ArrangeAsync(server, options);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Args = Chromium.Args });
        // The follower's own tab stays open throughout: its circuit is the warm-up of the heap figure and stays constant.
        await using var home = await browser.NewContextAsync(new() { BaseURL = server.BaseUrl });
        var homePage = await home.NewPageAsync();
        await FollowerPages.LogInAsync(homePage, follower);
        await FollowerPages.OpenArtistWithPanelAsync(homePage, artist);
        var signedIn = await home.StorageStateAsync();

        // Five rounds, median: one settled-heap difference moves by a whole circuit's worth with whatever else the
        // process happens to hold at that moment (a pool growing, a timer's buffers).
        var rounds = new List<double>();
        for (var round = 0; round < HeapRounds; round++)
        {
            rounds.Add(await MeasureHeapPerCircuitAsync(home, artist, circuits));
        }

        var heapPerCircuit = Summary.Of(rounds).P50;
        Console.WriteLine($"  heap per circuit: {heapPerCircuit:#,0} B (rounds: {string.Join(", ", rounds.Select(r => r.ToString("#,0")))}) over {circuits} circuits; {WarmupVisits} warm-up + {visits} cold visits");

        var samples = new List<VisitSample>();
        for (var i = 0; i < WarmupVisits + visits; i++)
        {
            var sample = await ColdVisitAsync(browser, server.BaseUrl, signedIn);
            if (i >= WarmupVisits)
            {
                samples.Add(sample);
            }
        }

        report.Rows.Add(Result(options, samples, heapPerCircuit, rounds, circuits));
    }

    private static async Task<(Guid Artist, string Follower)> ArrangeAsync(AppServer server, BenchOptions options)
    {
        var covers = Directory.GetFiles(Path.Combine(options.RepositoryRoot, "MusicBlazor", "wwwroot", "images", "covers"), "*.png")
            .Select(Path.GetFileName).Order().Take(Artists).ToList();
        var artists = new List<Guid>();
        await using (var admin = await server.SignedInScopeAsync(DemoAccounts.AdminEmail))
        {
            var artistService = admin.ServiceProvider.GetRequiredService<ArtistService>();
            var albumService = admin.ServiceProvider.GetRequiredService<AlbumService>();
            for (var i = 0; i < Artists; i++)
            {
                var id = await artistService.CreateAsync(new ArtistInput { Name = $"First Visit Artist {i + 1:00}", Biography = "Arranged by the benchmark." });
                await albumService.CreateAsync(id, new AlbumInput
                {
                    Name = $"First Visit Album {i + 1:00}",
                    YearReleased = 2020 + i % 5,
                    CoverImageUrl = i < covers.Count ? "/images/covers/" + covers[i] : null,
                    Tracks = [new TrackInput { Name = "Opening", Duration = "3:30" }, new TrackInput { Name = "Closing", Duration = "4:05" }],
                });
                artists.Add(id);
            }
        }

        var follower = await server.CreateAccountAsync(Roles.User);
        await using (var scope = await server.SignedInScopeAsync(follower))
        {
            await scope.ServiceProvider.GetRequiredService<FollowService>().FollowAsync(artists[0]);
        }

        return (artists[0], follower);
    }

    /// <summary>
    /// Settled managed heap of the process (the app runs in it) before and after opening <paramref name="circuits"/>
    /// more live artist pages, divided by their number. The Playwright client's few objects per page are included.
    /// </summary>
    private static async Task<double> MeasureHeapPerCircuitAsync(IBrowserContext context, Guid artist, int circuits)
    {
        var before = Heap.SettledBytes();
        var pages = new List<IPage>();
        for (var i = 0; i < circuits; i++)
        {
            var page = await context.NewPageAsync();
            await FollowerPages.OpenArtistWithPanelAsync(page, artist);
            pages.Add(page);
        }

        await Task.Delay(500);
        var after = Heap.SettledBytes();
        foreach (var page in pages)
        {
            await page.CloseAsync(new() { RunBeforeUnload = true });
        }

        // The next round starts from a heap without these circuits: closing a tab ends its circuit at once.
        await Task.Delay(1000);
        return (after - before) / (double)circuits;
    }

    private static async Task<VisitSample> ColdVisitAsync(IBrowser browser, string baseUrl, string signedIn)
    {
        await using var context = await browser.NewContextAsync(new()
        {
            BaseURL = baseUrl,
            StorageState = signedIn,
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        await context.AddInitScriptAsync(FirstVisitProbe.InitScript);
        var page = await context.NewPageAsync();
        var tally = NetworkTally.Attach(page);
        await page.GotoAsync("/");
        var (connected, interactive) = await FirstVisitProbe.WaitAsync(page);
        var milestones = await FirstVisitProbe.MilestonesAsync(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var responses = await tally.ResponsesAsync();
        var sample = new VisitSample(
            connected, interactive, responses.Sum(r => r.Bytes), tally.WebSocketBytes, responses.Count,
            responses.Where(r => r.Encoding is not null).Sum(r => r.Bytes),
            responses.Select(r => new ResponseSize(new Uri(r.Url).AbsolutePath, r.Bytes, r.Encoding)).OrderByDescending(r => r.Bytes).ToList(),
            milestones);
        await page.CloseAsync(new() { RunBeforeUnload = true });
        return sample;
    }

    private ResultRow Result(BenchOptions options, List<VisitSample> samples, double heapPerCircuit, List<double> heapRounds, int circuits)
    {
        var connected = Summary.Of(samples.Select(s => s.ConnectedMs).ToList());
        var interactive = Summary.Of(samples.Select(s => s.InteractiveMs).ToList());
        var http = Summary.Of(samples.Select(s => (double)s.HttpBytes).ToList()).P50;
        var webSocket = Summary.Of(samples.Select(s => (double)s.WebSocketBytes).ToList()).P50;
        var compressed = Summary.Of(samples.Select(s => (double)s.CompressedBytes).ToList()).P50;
        var requests = Summary.Of(samples.Select(s => (double)s.Requests).ToList()).P50;
        var domContentLoaded = Summary.Of(samples.Select(s => s.Milestones["domContentLoaded"]).ToList());
        var total = http + webSocket;

        var row = new ResultRow { Scenario = Title, Size = samples.Count, SizeLabel = $"{samples.Count} cold visits, {circuits} circuits" };
        row.Show("HTTP bytes", Report.Bytes(http))
            .Show("requests", Report.Count(requests))
            .Show("WebSocket bytes", Report.Bytes(webSocket))
            .Show("DOMContentLoaded p50 / p95 ms", $"{Report.Ms(domContentLoaded.P50)} / {Report.Ms(domContentLoaded.P95)}")
            .Show("connected p50 / p95 ms", $"{Report.Ms(connected.P50)} / {Report.Ms(connected.P95)}")
            .Show("interactive p50 / p95 ms", $"{Report.Ms(interactive.P50)} / {Report.Ms(interactive.P95)}")
            .Show("heap per circuit", Report.Bytes(heapPerCircuit));
        row.Figures["firstVisitHttpBytes"] = http;
        row.Figures["firstVisitWebSocketBytes"] = webSocket;
        row.Figures["firstVisitBytes"] = total;
        row.Figures["firstVisitCompressedBytes"] = compressed;
        row.Figures["firstVisitRequests"] = requests;
        row.Figures["domContentLoadedP50Ms"] = domContentLoaded.P50;
        row.Figures["domContentLoadedP95Ms"] = domContentLoaded.P95;
        row.Figures["connectedP50Ms"] = connected.P50;
        row.Figures["connectedP95Ms"] = connected.P95;
        row.Figures["interactiveP50Ms"] = interactive.P50;
        row.Figures["interactiveP95Ms"] = interactive.P95;
        row.Figures["heapPerCircuitBytes"] = heapPerCircuit;
        row.Details["heapPerCircuitRounds"] = heapRounds;
        row.Ratios["heapPerCircuitVsMicrosoft250KB"] = heapPerCircuit / MicrosoftBytesPerCircuit;
        row.Details["visits"] = samples;

        row.Targets.Add(TargetCheck.AtMost("First visit: time to interactive p95 <= 1 s", "interactive p95 ms", Math.Round(interactive.P95, 1), 1000));
        if (Baseline.Load(options, "before-mudblazor") is { } before)
        {
            var bytesRatio = total / before.Figures["firstVisitBytes"];
            var heapRatio = heapPerCircuit / before.Figures["heapPerCircuitBytes"];
            row.Show("bytes vs before", Report.Ratio(bytesRatio)).Show("heap vs before", Report.Ratio(heapRatio));
            row.Ratios["firstVisitBytesVsBefore"] = bytesRatio;
            row.Ratios["heapPerCircuitVsBefore"] = heapRatio;
            row.Targets.Add(TargetCheck.AtMost("First visit: bytes <= 1.5 x before MudBlazor", "bytes / before", Math.Round(bytesRatio, 3), 1.5));
            row.Targets.Add(TargetCheck.AtMost("Memory: heap per circuit <= 1.5 x before MudBlazor", "heap / before", Math.Round(heapRatio, 3), 1.5));
            row.Notes.Add($"Before = {before.Description} (commit {before.Commit[..7]}, recorded {before.RecordedAt} by this scenario): "
                + $"{Report.Bytes(before.Figures["firstVisitBytes"])} on a first visit ({Report.Bytes(before.Figures["firstVisitHttpBytes"])} HTTP), "
                + $"interactive p95 {Report.Ms(before.Figures["interactiveP95Ms"])} ms, {Report.Bytes(before.Figures["heapPerCircuitBytes"])} heap per circuit.");
        }

        row.Notes.Add("First visit = a fresh Chromium context (empty cache) holding only the follower's log-in cookie opens / (the artist list, "
            + $"{Artists} artists with a cover each); {WarmupVisits} warm-up visits are not counted. Bytes = every HTTP response's headers and "
            + "encoded body as received (until the network is idle after the page became interactive) plus the WebSocket frames' payloads. "
            + "Connected = the circuit's WebSocket opened; interactive = the bell names its count and the first artist card is listed, both "
            + "in ms since navigation start on the page's clock.");
        row.Notes.Add($"Heap per circuit = settled managed heap of the process hosting the app with {circuits} more artist pages open (panel "
            + $"open) minus before, / {circuits}; the median of {HeapRounds} rounds, each closing its pages before the next; Microsoft's guidance is about 250 KB per circuit ({Report.Ratio(heapPerCircuit / MicrosoftBytesPerCircuit)} of it here).");
        return row;
    }

    internal sealed record VisitSample(
        double ConnectedMs, double InteractiveMs, long HttpBytes, long WebSocketBytes, int Requests, long CompressedBytes, List<ResponseSize> Responses,
        Dictionary<string, double> Milestones);

    internal sealed record ResponseSize(string Path, long Bytes, string? Encoding);
}
