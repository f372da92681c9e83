namespace MusicBlazor.Data.ChangeLog;

/// <summary>
/// Suppression of live delivery for maintenance writes: <c>using (Changes.Suppress("demo data"))</c>. Writes committed
/// by transactions that start inside the scope are still logged, marked suppressed, so durable readers see them;
/// open pages do not re-render for them.
/// </summary>
public static class Changes
{
    private static readonly AsyncLocal<string?> Reason = new();

    /// <summary>Why changes are suppressed here, or null when they are delivered live.</summary>
    public static string? SuppressedBecause => Reason.Value;

    public static IDisposable Suppress(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var outer = Reason.Value;
        Reason.Value = reason;
        return new Scope(outer);
    }

    private sealed class Scope(string? outer) : IDisposable
    {
        public void Dispose() => Reason.Value = outer;
    }
}
