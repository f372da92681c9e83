using System.Diagnostics;
using Microsoft.Playwright;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// What one load phase delivered, from the pages' records: notifications seen per follower against every album
/// created in the phase (each follower follows every editor's artist), duplicates in the panel, commit → visible per
/// (follower, album), over all and without the albums an outage of that follower delayed, and every disconnection the pages went through since the phase began: planned cuts and any
/// other, reconnected when Blazor reported the circuit back ("hide").
/// </summary>
internal sealed record LoadFigures(
    int Expected,
    int Delivered,
    int Duplicates,
    List<double> LatencyMs,
    List<double> OutsideOutagesLatencyMs,
    int Disconnects,
    int Reconnected,
    SocketTally Cuts,
    int CommittedDuringOutages,
    int DeliveredAfterOutages)
{
    public int Missing => Expected - Delivered;
    public int FailedReconnects => Disconnects - Reconnected;

    public static LoadFigures Measure(
        IReadOnlyList<CreatedAlbum> albums, AlbumCommits commits, IReadOnlyList<LoadStamps> followers, IReadOnlyList<LoadStamps> pages, double since)
    {
        var names = albums.Select(a => a.Name).ToHashSet();
        var (latencies, unaffected) = (new List<double>(), new List<double>());
        var (delivered, duringOutages, afterOutages) = (0, 0, 0);
        foreach (var follower in followers)
        {
            // While this follower was cut off: from each cut until Blazor reported the circuit back.
            var outages = follower.Cuts.Where(c => c >= since).Select(c => (From: c, To: follower.ReconnectedAfter(c) ?? double.PositiveInfinity)).ToList();
            foreach (var album in albums)
            {
                var committed = commits.CommittedAt(album.Id);
                var inOutage = outages.Any(o => committed >= o.From && committed <= o.To);
                var shown = follower.Items.TryGetValue(album.Name, out var visible);
                duringOutages += inOutage ? 1 : 0;
                afterOutages += inOutage && shown ? 1 : 0;
                if (shown)
                {
                    delivered++;
                    latencies.Add(visible - committed);
                    // Delayed by an outage: committed before it ended and not shown before it began.
                    if (!outages.Any(o => committed <= o.To && visible >= o.From))
                    {
                        unaffected.Add(visible - committed);
                    }
                }
            }
        }

        var disconnects = 0;
        var reconnected = 0;
        foreach (var page in pages)
        {
            foreach (var (_, at) in page.States.Where(s => s.State == "show" && s.At >= since))
            {
                disconnects++;
                reconnected += page.ReconnectedAfter(at) is not null && !page.GaveUp ? 1 : 0;
            }
        }

        var cuts = CircuitSockets.Tally(pages, since);
        return new LoadFigures(followers.Count * albums.Count, delivered, followers.Sum(f => f.Duplicates(names)), latencies, unaffected,
            disconnects, reconnected, cuts, duringOutages, afterOutages);
    }

    /// <summary>Polls until every follower page shows every name, or the timeout; returns the time it took.</summary>
    public static async Task<TimeSpan> WaitForAllAsync(IReadOnlyList<IPage> followers, IReadOnlyCollection<string> names, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            var missing = await Task.WhenAll(followers.Select(page => LoadProbe.MissingAsync(page, names)));
            if (missing.Sum() == 0)
            {
                break;
            }

            await Task.Delay(500);
        }

        return watch.Elapsed;
    }

    /// <summary>Polls until every cut page has reported its circuit back after its last cut, or the timeout.</summary>
    public static async Task WaitForReconnectsAsync(IReadOnlyList<IPage> pages, TimeSpan timeout)
    {
        const string back = "() => window.__load.cuts.every(c => window.__load.states.some(s => s.state === 'hide' && s.at >= c))";
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout && !(await Task.WhenAll(pages.Select(page => page.EvaluateAsync<bool>(back)))).All(b => b))
        {
            await Task.Delay(500);
        }
    }
}
