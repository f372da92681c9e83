using System.Diagnostics;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>One contender of a timed comparison: untimed set-up, the timed run, untimed clean-up.</summary>
internal sealed record Variant(string Name, Func<int, Task> Run, Func<int, Task>? Setup = null, Func<int, Task>? Cleanup = null);

internal static class Timing
{
    public static double ElapsedMs(long start, long end) => (end - start) * 1000.0 / Stopwatch.Frequency;

    public static double ElapsedMs(long start) => ElapsedMs(start, Stopwatch.GetTimestamp());

    /// <summary>
    /// Runs the variants round-robin, rotating which goes first each repetition, so that drift on a noisy shared
    /// machine (other tenants, thermal, WAL growth) lands on every variant alike. The first <paramref name="warmup"/>
    /// repetitions are discarded (JIT, tiering, caches). Returns each variant's samples in milliseconds.
    /// </summary>
    public static async Task<Dictionary<string, List<double>>> InterleavedAsync(
        IReadOnlyList<Variant> variants, int warmup, int repetitions, bool collectBetweenRuns = false)
    {
        var samples = variants.ToDictionary(v => v.Name, _ => new List<double>());
        for (var rep = 0; rep < warmup + repetitions; rep++)
        {
            for (var k = 0; k < variants.Count; k++)
            {
                var variant = variants[(k + rep) % variants.Count];
                if (variant.Setup is not null)
                {
                    await variant.Setup(rep);
                }

                if (collectBetweenRuns)
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                }

                var start = Stopwatch.GetTimestamp();
                await variant.Run(rep);
                var elapsed = ElapsedMs(start);
                if (variant.Cleanup is not null)
                {
                    await variant.Cleanup(rep);
                }

                if (rep >= warmup)
                {
                    samples[variant.Name].Add(elapsed);
                }
            }
        }

        return samples;
    }
}
