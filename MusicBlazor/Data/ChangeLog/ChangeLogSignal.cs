using System.Threading.Channels;
using MusicBlazor.Common;

namespace MusicBlazor.Data.ChangeLog;

/// <summary>
/// A doorbell from the app's own commits to the log's reader, so that they are delivered at once instead of at the
/// next poll. Rings coalesce: the reader reads everything new whenever it wakes.
/// </summary>
public sealed class ChangeLogSignal
{
    private readonly Channel<bool> _rings = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private long _readUpTo;

    public void Ring() => _rings.Writer.TryWrite(true);

    /// <summary>The reader has published everything up to this sequence.</summary>
    public void ReadUpTo(long sequence) => AtomicMax.Raise(ref _readUpTo, sequence);

    /// <summary>
    /// Whether a log head announced from elsewhere is beyond what the reader has published. The notification of this
    /// server's own commit usually is not: the commit rang the reader, which has read it by the time PostgreSQL's
    /// message arrives, and reading again would find nothing.
    /// </summary>
    public bool IsUnread(long head) => head > Interlocked.Read(ref _readUpTo);

    /// <summary>Waits for a ring or the timeout, whichever comes first; true when it rang.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _rings.Reader.ReadAsync(timer.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
