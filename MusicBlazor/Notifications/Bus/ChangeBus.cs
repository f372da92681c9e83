using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;
using MusicBlazor.Data.ChangeLog;

namespace MusicBlazor.Notifications.Bus;

/// <summary>
/// The process-wide bus: committed changes in, in sequence order, routed by <see cref="Topic"/> to the sinks
/// (circuits) listening to it: a dictionary lookup per topic, so a sink only ever receives what it shows.
/// Publishing only enqueues, so the log's reader never waits for subscribers. "An album's notifications were
/// created" is expanded here to the recipients who are online (<see cref="NotificationRecipients"/>: one query per
/// album, never one per circuit). Suppressed changes are not delivered live. Memory is bounded: if the loop falls
/// this far behind, the oldest batch is dropped, counted, and every sink is told to catch up from the log.
/// </summary>
public sealed class ChangeBus : IChangePublisher, IAsyncDisposable
{
    public const int InboundCapacity = 4096;

    private readonly Channel<IReadOnlyList<ChangeEvent>> _inbound;
    private readonly ConcurrentDictionary<Topic, ImmutableArray<IChangeSink>> _byTopic = new();
    private readonly Dictionary<IChangeSink, HashSet<Topic>> _sinks = [];
    private readonly ILogger<ChangeBus> _logger;
    private readonly INotificationRecipients _recipients;
    private readonly Task _dispatchLoop;
    private readonly Lock _indexLock = new();
    private long _position;
    private long _deliveries;
    private long _droppedBatches;

    public ChangeBus(INotificationRecipients recipients, ILogger<ChangeBus> logger)
    {
        _recipients = recipients;
        _logger = logger;
        _inbound = Channel.CreateBounded<IReadOnlyList<ChangeEvent>>(
            new BoundedChannelOptions(InboundCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            OnBatchDropped);
        _dispatchLoop = Task.Run(DispatchAsync);
    }

    public int SinkCount
    {
        get
        {
            lock (_indexLock)
            {
                return _sinks.Count;
            }
        }
    }

    /// <summary>The last sequence routed.</summary>
    public long Position => Interlocked.Read(ref _position);

    /// <summary>How many (change, sink) deliveries were made: what the per-record routing saves shows here.</summary>
    public long Deliveries => Interlocked.Read(ref _deliveries);

    public long DroppedBatches => Interlocked.Read(ref _droppedBatches);

    /// <summary>Batches published and not routed yet.</summary>
    public int InboundDepth => _inbound.Reader.Count;

    /// <summary>Raised on the dispatch loop after each batch was routed (benchmarks and tests observe it).</summary>
    internal event Action<IReadOnlyList<ChangeEvent>>? BatchDispatched;

    public void Publish(IReadOnlyList<ChangeEvent> changes)
    {
        if (changes.Count > 0)
        {
            _inbound.Writer.TryWrite(changes);
        }
    }

    /// <summary>Attaches a sink; dispose the result to detach it from every topic.</summary>
    public IDisposable Attach(IChangeSink sink)
    {
        lock (_indexLock)
        {
            _sinks.TryAdd(sink, []);
        }

        return new Detacher(this, sink);
    }

    public void Listen(IChangeSink sink, Topic topic)
    {
        lock (_indexLock)
        {
            if (_sinks.TryGetValue(sink, out var topics) && topics.Add(topic))
            {
                _byTopic.AddOrUpdate(topic, [sink], (_, sinks) => sinks.Add(sink));
            }
        }
    }

    public void Unlisten(IChangeSink sink, Topic topic)
    {
        lock (_indexLock)
        {
            if (_sinks.TryGetValue(sink, out var topics) && topics.Remove(topic))
            {
                RemoveUnderLock(topic, sink);
            }
        }
    }

    private void Detach(IChangeSink sink)
    {
        lock (_indexLock)
        {
            if (_sinks.Remove(sink, out var topics))
            {
                foreach (var topic in topics)
                {
                    RemoveUnderLock(topic, sink);
                }
            }
        }
    }

    private void RemoveUnderLock(Topic topic, IChangeSink sink)
    {
        if (_byTopic.TryGetValue(topic, out var sinks))
        {
            var remaining = sinks.Remove(sink);
            if (remaining.IsEmpty)
            {
                _byTopic.TryRemove(topic, out _);
            }
            else
            {
                _byTopic[topic] = remaining;
            }
        }
    }

    private async Task DispatchAsync()
    {
        await foreach (var batch in _inbound.Reader.ReadAllAsync())
        {
            try
            {
                Route(await ExpandAsync(batch));
            }
            catch (Exception ex)
            {
                // Whatever this batch carried may not have arrived: every circuit catches up from the log.
                _logger.LogError(ex, "Routing a batch of {Count} changes failed; sinks will catch up", batch.Count);
                ResyncAll();
            }

            Interlocked.Exchange(ref _position, batch[^1].Sequence);
            BatchDispatched?.Invoke(batch);
        }
    }

    private async Task<IReadOnlyList<ChangeEvent>> ExpandAsync(IReadOnlyList<ChangeEvent> batch)
    {
        if (!batch.Any(c => c.IsNotificationsCreatedForAlbum && !c.Suppressed))
        {
            return batch;
        }

        var expanded = new List<ChangeEvent>(batch.Count);
        foreach (var change in batch)
        {
            if (!change.IsNotificationsCreatedForAlbum || change.Suppressed)
            {
                expanded.Add(change);
                continue;
            }

            foreach (var recipient in await _recipients.OfAlbumAsync(change.Id))
            {
                if (_byTopic.ContainsKey(Topic.Notifications(recipient)))
                {
                    expanded.Add(change with { UserId = recipient });
                }
            }
        }

        return expanded;
    }

    private void Route(IReadOnlyList<ChangeEvent> batch)
    {
        foreach (var change in batch)
        {
            if (change.Suppressed)
            {
                continue;
            }

            foreach (var topic in Topic.Of(change))
            {
                if (_byTopic.TryGetValue(topic, out var sinks))
                {
                    foreach (var sink in sinks)
                    {
                        Offer(sink, change, topic);
                    }
                }
            }
        }
    }

    // One broken sink must not cost the others the rest of the batch.
    private void Offer(IChangeSink sink, ChangeEvent change, Topic topic)
    {
        Interlocked.Increment(ref _deliveries);
        try
        {
            sink.Offer(change, topic);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "A change sink failed to take a change; it will catch up");
            sink.ResyncRequired();
        }
    }

    private void OnBatchDropped(IReadOnlyList<ChangeEvent> batch)
    {
        var dropped = Interlocked.Increment(ref _droppedBatches);
        _logger.LogWarning("Change bus overloaded: dropped a batch of {Count} changes ({Dropped} so far); sinks will catch up", batch.Count, dropped);
        ResyncAll();
    }

    private void ResyncAll()
    {
        IChangeSink[] sinks;
        lock (_indexLock)
        {
            sinks = [.. _sinks.Keys];
        }

        foreach (var sink in sinks)
        {
            sink.ResyncRequired();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _inbound.Writer.TryComplete();
        await _dispatchLoop;
    }

    private sealed class Detacher(ChangeBus bus, IChangeSink sink) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                bus.Detach(sink);
            }
        }
    }
}
