using System.Diagnostics;
using MusicBlazor.Notifications.Bus;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.TestSupport.Data;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// Stands between the app's change log follower and the real <see cref="ChangeBus"/> (registered as the app's
/// <see cref="IChangePublisher"/>): notes, when changes are published, the commit they came from
/// (<see cref="CommitStamp"/>), then forwards them unchanged. It also tells when the bus has routed everything
/// published so far, so a scenario can wait for the bus to be idle between repetitions.
/// </summary>
internal sealed class PublishClock : IChangePublisher
{
    private readonly ChangeBus _bus;
    private readonly CommandCounter _commands;
    private long _publishedBatches;
    private long _dispatchedBatches;

    private readonly CommitStamp _commit;

    public PublishClock(ChangeBus bus, CommandCounter commands, CommitStamp commit)
    {
        _bus = bus;
        _commands = commands;
        _commit = commit;
        _bus.BatchDispatched += _ => Interlocked.Increment(ref _dispatchedBatches);
    }

    /// <summary>Stopwatch timestamp of the commit whose changes were published last.</summary>
    public long LastCommitTimestamp { get; private set; }

    /// <summary>How many database commands had been executed at that commit.</summary>
    public long CommandsAtLastCommit { get; private set; }

    public int LastBatchSize { get; private set; }

    public void Publish(IReadOnlyList<ChangeEvent> changes)
    {
        (LastCommitTimestamp, _, CommandsAtLastCommit) = _commit.Last;
        LastBatchSize = changes.Count;
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
