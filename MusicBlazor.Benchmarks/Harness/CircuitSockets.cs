using Microsoft.Playwright;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// The fault: cuts the WebSocket of chosen circuits from the browser side, as a dropped connection would, by closing
/// it with code 4000 through the page's <see cref="LoadProbe"/> hook. SignalR's client takes any code but 1000 as a
/// lost connection, Blazor reconnects to the same circuit, and the server's circuit handler has the hub catch up.
/// Afterwards, <see cref="Tally"/> reads from each cut page whether and when its circuit came back.
/// </summary>
internal static class CircuitSockets
{
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
            return await page.EvaluateAsync<int>("() => window.__load.cut()");
        }).ToList();
        return (await Task.WhenAll(cuts)).Sum();
    }

    /// <summary>Picks about <paramref name="fraction"/> of each group at random (at least one of a non-empty group).</summary>
    public static List<IPage> Choose(Random random, double fraction, params IReadOnlyList<IPage>[] groups) =>
        groups.SelectMany(group => group.OrderBy(_ => random.Next()).Take(Math.Max(1, (int)Math.Round(group.Count * fraction)))).ToList();

    /// <summary>Per cut: the time until Blazor reported the circuit back, or a failure.</summary>
    public static SocketTally Tally(IEnumerable<LoadStamps> pages)
    {
        var reconnectMs = new List<double>();
        var failed = 0;
        var cuts = 0;
        foreach (var page in pages)
        {
            foreach (var cut in page.Cuts)
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
