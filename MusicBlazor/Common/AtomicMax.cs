namespace MusicBlazor.Common;

/// <summary>Raises a number shared between threads to a new value only when the value is higher.</summary>
public static class AtomicMax
{
    public static void Raise(ref long location, long value)
    {
        var current = Interlocked.Read(ref location);
        while (value > current && Interlocked.CompareExchange(ref location, value, current) is var found && found != current)
        {
            current = found;
        }
    }
}
