using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MusicBlazor.TestSupport.Data;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// The moment the app's last transaction committed, taken by a transaction interceptor appended to the app's
/// context options: where latency figures start. Read it once the write call has returned, not when its changes are
/// published: the app's own interceptor (registered first) rings the change log's follower at commit, and the follower
/// can read and publish the changes before this one has run.
/// </summary>
internal sealed class CommitStamp(CommandCounter? commands = null) : DbTransactionInterceptor
{
    private (long Timestamp, double UnixMs, long Commands) _last;

    public (long Timestamp, double UnixMs, long Commands) Last
    {
        get
        {
            lock (this)
            {
                return _last;
            }
        }
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Stamp();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Stamp();
        return Task.CompletedTask;
    }

    private void Stamp()
    {
        var stamp = (Stopwatch.GetTimestamp(), WallClock.UnixMs(), commands?.Count ?? 0);
        lock (this)
        {
            _last = stamp;
        }
    }
}
