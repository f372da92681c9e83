using System.Diagnostics;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// CPU time this process (the app under test and the benchmark's driver) used over a stretch, as % of all cores, and
/// the machine's load average (Chromium and anything else running count there).
/// </summary>
internal sealed class CpuUse
{
    private readonly TimeSpan _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly long _startedAt = Stopwatch.GetTimestamp();

    public double PercentOfMachine()
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart;
        var wall = Stopwatch.GetElapsedTime(_startedAt);
        return cpu.TotalMilliseconds * 100 / (wall.TotalMilliseconds * Environment.ProcessorCount);
    }

    /// <summary>The machine's 1-minute load average (Linux), NaN elsewhere: how contended the cores were.</summary>
    public static double LoadAverage()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }
}
