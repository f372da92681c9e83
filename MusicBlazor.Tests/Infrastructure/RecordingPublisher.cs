using System.Collections.Concurrent;
using MusicBlazor.Notifications.Bus;
using MusicBlazor.Data.ChangeLog;

namespace MusicBlazor.Tests.Infrastructure;

/// <summary>One call to <see cref="IChangePublisher.Publish"/>, with what <see cref="RecordingPublisher.Probe"/> saw at that moment.</summary>
public sealed record PublishedBatch(IReadOnlyList<ChangeEvent> Changes, object? Probed);

/// <summary>Records every batch the change log follower publishes, then forwards it to the real bus.</summary>
public sealed class RecordingPublisher(ChangeBus bus) : IChangePublisher
{
    private readonly ConcurrentQueue<PublishedBatch> _batches = new();
    private long _forwarded;

    /// <summary>Evaluated synchronously inside Publish, e.g. to read the database from another connection.</summary>
    public Func<object?>? Probe { get; set; }

    /// <summary>Thrown from Publish after recording, to stand for a broken publisher.</summary>
    public Exception? Fault { get; set; }

    public IReadOnlyList<PublishedBatch> Batches => _batches.ToArray();
    public IReadOnlyList<ChangeEvent> Events => Batches.SelectMany(b => b.Changes).ToList();

    /// <summary>Batches handed to the bus since start, whatever <see cref="Clear"/> did.</summary>
    public long Forwarded => Interlocked.Read(ref _forwarded);

    public void Publish(IReadOnlyList<ChangeEvent> changes)
    {
        object? probed;
        try
        {
            probed = Probe?.Invoke();
        }
        catch (Exception ex)
        {
            probed = ex;
        }

        _batches.Enqueue(new PublishedBatch(changes.ToArray(), probed));
        if (Fault is { } fault)
        {
            throw fault;
        }

        bus.Publish(changes);
        Interlocked.Increment(ref _forwarded);
    }

    public void Clear() => _batches.Clear();
}
