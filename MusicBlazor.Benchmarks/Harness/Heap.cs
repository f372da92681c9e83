namespace MusicBlazor.Benchmarks.Harness;

internal static class Heap
{
    /// <summary>Managed heap size after a forced, blocking, compacting full collection (twice, around finalizers).</summary>
    public static long SettledBytes()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }
}
