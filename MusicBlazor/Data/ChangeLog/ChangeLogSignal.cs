using System.Threading.Channels;

namespace MusicBlazor.Data.ChangeLog;

/// <summary>
/// A doorbell from the app's own commits to the log's reader, so that they are delivered at once instead of at the
/// next poll. Rings coalesce: the reader reads everything new whenever it wakes.
/// </summary>
public sealed class ChangeLogSignal
{
    private readonly Channel<bool> _rings = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Ring() => _rings.Writer.TryWrite(true);

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
