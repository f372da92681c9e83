using System.Diagnostics;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>One subscriber's figures for a burst: the lag when the last album committed and how it caught up.</summary>
internal sealed record SubscriberLag(string Name, long Handled, long LagEvents, double CatchUpMs, double EventsPerSecond);

/// <summary>A burst of albums committed one after another as fast as the writer goes, and each subscriber's lag behind it.</summary>
internal sealed record SubscriberBurst(bool Running, int Albums, long Events, double WriteMs, IReadOnlyList<SubscriberLag> Subscribers)
{
    public double AlbumsPerSecond => Albums / (WriteMs / 1000.0);

    /// <param name="running">True: the subscribers run during the burst (their rate is then bounded by the writer's, so
    /// events/s counts from the burst's first write). False: they are stopped for it and started after its last
    /// commit; events/s counts from that start and is what they can do flat out.</param>
    public static async Task<SubscriberBurst> RunAsync(RunningSubscribers subscribers, int albums, bool running, Func<int, Task> createAlbum)
    {
        if (!running)
        {
            await subscribers.StopAsync();
        }

        var first = await subscribers.HeadAsync();
        var handled = subscribers.Statuses.ToDictionary(s => s.Name, s => s.Handled);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < albums; i++)
        {
            await createAlbum(i);
        }

        var end = Stopwatch.GetTimestamp();
        var head = await subscribers.HeadAsync();
        var lag = subscribers.Statuses.ToDictionary(s => s.Name, s => head - s.Position);
        var resumed = Stopwatch.GetTimestamp();
        if (!running)
        {
            await subscribers.StartAsync();
        }

        var reached = await subscribers.ReachedAsync(head, TimeSpan.FromMinutes(10));
        var events = head - first;
        var from = running ? start : resumed;
        return new SubscriberBurst(running, albums, events, Timing.ElapsedMs(start, end), subscribers.Statuses.Select(s => new SubscriberLag(
            s.Name,
            s.Handled - handled[s.Name],
            lag[s.Name],
            Timing.ElapsedMs(end, reached[s.Name]),
            events / (Timing.ElapsedMs(from, reached[s.Name]) / 1000.0))).ToList());
    }
}
