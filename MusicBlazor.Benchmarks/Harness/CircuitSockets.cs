using Microsoft.Playwright;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// The fault: a network outage of <see cref="Outage"/> for chosen circuits, from the browser side. The page's
/// <see cref="LoadProbe"/> hook closes the circuit's WebSocket with code 4000 (SignalR's client takes any code but
/// 1000 as a lost connection) and, for the outage, makes the circuit endpoint unreachable for new ones (they fail
/// at once: their upgrade goes to a path that answers 404). Blazor's reconnection retries (10 quick attempts, then
/// every 5 s) and rejoins the same circuit once the outage is over; the server's circuit handler then has the hub
/// catch up. Albums committed during the outage must arrive. Afterwards, <see cref="Tally"/> reads from each cut page whether and when its circuit came back.
/// </summary>
internal static class CircuitSockets
{
    public static readonly TimeSpan Outage = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Cuts each of <paramref name="victims"/> once, at a random moment within <paramref name="window"/> from now.
    /// Returns how many sockets were actually open when cut.
    /// </summary>
    public static async Task<int> CutDuringAsync(IReadOnlyList<IPage> victims, (TimeSpan From, TimeSpan To) window, Random random)
    {
        var cuts = victims.Select(async page =>
        {
            var at = window.From + (window.To - window.From) * random.NextDouble();
            await Task.Delay(at);
            return await page.EvaluateAsync<int>("ms => window.__load.cut(ms)", Outage.TotalMilliseconds);
        }).ToList();
        return (await Task.WhenAll(cuts)).Sum();
    }

    /// <summary>Picks about <paramref name="fraction"/> of each group at random (at least one of a non-empty group).</summary>
    public static List<IPage> Choose(Random random, double fraction, params IReadOnlyList<IPage>[] groups) =>
        groups.SelectMany(group => group.OrderBy(_ => random.Next()).Take(Math.Max(1, (int)Math.Round(group.Count * fraction)))).ToList();

    /// <summary>Per cut made since <paramref name="since"/>: the time until Blazor reported the circuit back, or a failure.</summary>
    public static SocketTally Tally(IEnumerable<LoadStamps> pages, double since)
    {
        var reconnectMs = new List<double>();
        var failed = 0;
        var cuts = 0;
        foreach (var page in pages)
        {
            foreach (var cut in page.Cuts.Where(c => c >= since))
            {
                cuts++;
                if (page.ReconnectedAfter(cut) is { } back && !page.GaveUp)
                {
                    reconnectMs.Add(back - cut);
                }
                else
                {
                    failed++;
                }
            }
        }

        return new SocketTally(cuts, reconnectMs, failed);
    }
}

internal sealed record SocketTally(int Cuts, List<double> ReconnectMs, int Failed);
