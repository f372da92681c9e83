using Microsoft.Playwright;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// The load scenario's circuits, opened in batches so that a 2-core box is not asked to start them all at once:
/// each follower in a browser context of its own (logged in through the real log-in page, on one of the artists'
/// pages with the notifications panel open; a context's first page is the only tab of its own window), and the
/// anonymous visitors as tabs of a few shared contexts, spread over the same artist pages. Every page runs
/// <see cref="LoadProbe.InitScript"/>; the followers' observers start once everyone is open.
/// </summary>
internal sealed class LoadCircuits
{
    private const int VisitorsPerContext = 20;

    private readonly List<IBrowserContext> _contexts = [];
    private int _reloads;

    public List<IPage> Followers { get; } = [];
    public List<IPage> Visitors { get; } = [];
    public IEnumerable<IPage> All => Followers.Concat(Visitors);
    public int Count => Followers.Count + Visitors.Count;

    /// <summary>Errors the pages wrote to their console after opening (the first few), for the JSON.</summary>
    public List<string> ConsoleErrors { get; } = [];

    /// <summary>Pages that navigated after opening: nothing in the run navigates, so each is a reload (a lost circuit).</summary>
    public int Reloads => Volatile.Read(ref _reloads);

    public static async Task<LoadCircuits> OpenAsync(
        IBrowser browser, string baseUrl, IReadOnlyList<string> followers, IReadOnlyList<Guid> artists, int visitors, int batchSize,
        Action? afterFirstBatch = null)
    {
        var circuits = new LoadCircuits();
        var visitorContexts = new List<IBrowserContext>();
        for (var i = 0; i < (visitors + VisitorsPerContext - 1) / VisitorsPerContext; i++)
        {
            visitorContexts.Add(await circuits.NewContextAsync(browser, baseUrl));
        }

        var openers = followers.Select((email, i) => (Func<Task>)(async () =>
            {
                var page = await (await circuits.NewContextAsync(browser, baseUrl)).NewPageAsync();
                await FollowerPages.LogInAsync(page, email);
                await FollowerPages.OpenArtistWithPanelAsync(page, artists[i % artists.Count]);
                lock (circuits.Followers)
                {
                    circuits.Followers.Add(page);
                }
            }))
            .Concat(Enumerable.Range(0, visitors).Select(i => (Func<Task>)(async () =>
            {
                var page = await visitorContexts[i / VisitorsPerContext].NewPageAsync();
                await page.GotoAsync($"/artists/{artists[i % artists.Count]}");
                // Pages are interactive from the start (no prerendering): the heading means the circuit is live.
                await page.Locator("main h1").First.WaitForAsync();
                lock (circuits.Visitors)
                {
                    circuits.Visitors.Add(page);
                }
            })))
            .ToList();
        foreach (var (batch, index) in openers.Chunk(batchSize).Select((b, i) => (b, i)))
        {
            await Task.WhenAll(batch.Select(open => open()));
            if (index == 0)
            {
                afterFirstBatch?.Invoke();
            }
        }

        foreach (var page in circuits.Followers)
        {
            await LoadProbe.StartAsync(page);
        }

        foreach (var page in circuits.All)
        {
            page.Console += (_, message) =>
            {
                lock (circuits.ConsoleErrors)
                {
                    if (message.Type == "error" && circuits.ConsoleErrors.Count < 50)
                    {
                        circuits.ConsoleErrors.Add($"{WallClock.UnixMs():0} {message.Text}");
                    }
                }
            };
            page.FrameNavigated += (_, frame) =>
            {
                if (frame == page.MainFrame)
                {
                    Interlocked.Increment(ref circuits._reloads);
                }
            };
        }

        return circuits;
    }

    /// <summary>How many distinct browser windows hold the followers' pages (one each is intended).</summary>
    public async Task<int> FollowerWindowsAsync()
    {
        var windows = new HashSet<long>();
        foreach (var page in Followers)
        {
            windows.Add(await BrowserWindows.WindowIdAsync(page.Context, page));
        }

        return windows.Count;
    }

    private async Task<IBrowserContext> NewContextAsync(IBrowser browser, string baseUrl)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        // Generous: on a loaded 2-core box a page can take many seconds to open.
        context.SetDefaultTimeout(120_000);
        await context.AddInitScriptAsync(LoadProbe.InitScript);
        lock (_contexts)
        {
            _contexts.Add(context);
        }

        return context;
    }
}
