using System.Diagnostics;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>Process RSS and settled managed heap at one moment.</summary>
internal sealed record MemorySnapshot(long Rss, long ManagedHeap)
{
    /// <summary>Settles the heap first (<see cref="Heap.SettledBytes"/>), then reads the RSS.</summary>
    public static MemorySnapshot Take()
    {
        var heap = Heap.SettledBytes();
        using var process = Process.GetCurrentProcess();
        return new MemorySnapshot(process.WorkingSet64, heap);
    }
}
