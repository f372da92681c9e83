using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MusicBlazor.TestSupport.Data;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// The moment the app's last transaction committed, taken by a transaction interceptor appended to the app's
/// context options: where latency figures start. Changes reach the bus a little later, after the change log's
/// follower has read them (that read is part of what the figures measure).
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
