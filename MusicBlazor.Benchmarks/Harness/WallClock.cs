namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// The machine's wall clock in Unix milliseconds with sub-millisecond precision (DateTime.UtcNow reads
/// CLOCK_REALTIME in 100 ns ticks): the clock a page reads as <c>performance.timeOrigin + performance.now()</c>.
/// </summary>
internal static class WallClock
{
    public static double UnixMs() => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / (double)TimeSpan.TicksPerMillisecond;
}
