using System.Diagnostics;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>CPU time this process (the app under test and the benchmark's driver) used over a stretch, as % of all cores.</summary>
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
}
