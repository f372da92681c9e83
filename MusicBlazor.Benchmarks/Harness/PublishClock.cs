using System.Diagnostics;
using MusicBlazor.Notifications.Bus;
using MusicBlazor.Notifications.Changes;
using MusicBlazor.TestSupport.Data;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// Stands between the app's <see cref="CommitGate"/> and the real <see cref="ChangeBus"/> (registered as the
/// app's <see cref="IChangePublisher"/>): stamps the moment the gate releases committed changes, which is
/// immediately after the transaction committed, then forwards them unchanged. It also tells when the bus has
/// routed everything published so far, so a scenario can wait for the bus to be idle between repetitions.
/// </summary>
internal sealed class PublishClock : IChangePublisher
{
    private readonly ChangeBus _bus;
    private readonly CommandCounter _commands;
    private long _publishedBatches;
    private long _dispatchedBatches;

    public PublishClock(ChangeBus bus, CommandCounter commands)
    {
        _bus = bus;
        _commands = commands;
        _bus.BatchDispatched += _ => Interlocked.Increment(ref _dispatchedBatches);
    }

    /// <summary>Stopwatch timestamp of the last publish (the commit moment).</summary>
    public long LastPublishTimestamp { get; private set; }

    /// <summary>How many database commands had been executed at that moment.</summary>
    public long CommandsAtLastPublish { get; private set; }

    public int LastBatchSize { get; private set; }

    public void Publish(IReadOnlyList<ChangeEvent> changes)
    {
        LastPublishTimestamp = Stopwatch.GetTimestamp();
        CommandsAtLastPublish = _commands.Count;
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
