namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// Rounds of albums written back to back on one host, alternating round by round between its background subscribers
/// running during the round and stopped for it (started again after it, untimed). Each round begins with every
/// subscriber at the log's head, so what a round pays for is its own writes' background work.
/// </summary>
internal static class SustainedWrites
{
    /// <returns>Each variant's round times in milliseconds ("running", "stopped").</returns>
    public static Task<Dictionary<string, List<double>>> CompareAsync(
        RunningSubscribers subscribers, int albumsPerRound, int warmup, int rounds, Func<string, Task> createAlbum)
    {
        async Task WriteRoundAsync(string variant, int round)
        {
            for (var k = 0; k < albumsPerRound; k++)
            {
                await createAlbum($"{variant} {round}-{k}");
            }
        }

        async Task AtHeadAsync() => await subscribers.ReachedAsync(await subscribers.HeadAsync(), TimeSpan.FromMinutes(5));

        return Timing.InterleavedAsync(
        [
            new Variant("running", round => WriteRoundAsync("Running", round), Cleanup: _ => AtHeadAsync()),
            new Variant("stopped", round => WriteRoundAsync("Stopped", round), Setup: _ => subscribers.StopAsync(), Cleanup: async _ =>
            {
                await subscribers.StartAsync();
                await AtHeadAsync();
            }),
        ], warmup, rounds);
    }
}
