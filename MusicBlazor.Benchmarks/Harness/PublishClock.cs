using System.Diagnostics;
using MusicBlazor.Notifications.Bus;
using MusicBlazor.Data.ChangeLog;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// Stands between the app's change log follower and the real <see cref="ChangeBus"/> (registered as the app's
/// <see cref="IChangePublisher"/>): forwards changes unchanged, and tells when the bus has routed everything
/// published so far, so a scenario can wait for the bus to be idle between repetitions.
/// </summary>
internal sealed class PublishClock : IChangePublisher
{
    private readonly ChangeBus _bus;
    private long _publishedBatches;
    private long _dispatchedBatches;

    private readonly CommitStamp _commit;

    public PublishClock(ChangeBus bus, CommitStamp commit)
    {
        _bus = bus;
        _commit = commit;
        _bus.BatchDispatched += _ => Interlocked.Increment(ref _dispatchedBatches);
    }

    /// <summary>
    /// Stopwatch timestamp of the app's last commit (<see cref="CommitStamp"/>). Ask after the write call has
    /// returned: it is not taken when the changes are published, because the follower, rung by the app's own
    /// interceptor at commit, can publish before the benchmark's interceptor (appended after the app's) has stamped
    /// the commit, and the stamp would then still be the previous write's.
    /// </summary>
    public long LastCommitTimestamp => _commit.Last.Timestamp;

    /// <summary>How many database commands had been executed at that commit.</summary>
    public long CommandsAtLastCommit => _commit.Last.Commands;

    public void Publish(IReadOnlyList<ChangeEvent> changes)
    {
        if (changes.Count > 0)
        {
            Interlocked.Increment(ref _publishedBatches);
        }

        _bus.Publish(changes);
    }

    /// <summary>Waits until the bus's dispatch loop has routed every batch published so far.</summary>
    public async Task WaitForBusIdleAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Interlocked.Read(ref _dispatchedBatches) + _bus.DroppedBatches < Interlocked.Read(ref _publishedBatches))
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException("The change bus did not route the published batches in time.");
            }

            await Task.Delay(1);
        }
    }
}
