using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;
using MusicBlazor.Notifications.Changes;

namespace MusicBlazor.Notifications.Bus;

/// <summary>
/// The process-wide bus: committed changes in, routed to the sinks (circuits) that want them. Publishing only
/// enqueues a batch, so a writer never waits for subscribers; one dispatch loop routes notification and account
/// events by recipient (a dictionary lookup, not a scan of every circuit) and catalog events to the sinks that
/// asked for them. "An album's notifications were created" is expanded here, after the commit, to the recipients
/// who are online (<see cref="NotificationRecipients"/>: one query per album, never one per circuit). Memory is bounded: if the loop falls this far behind, the oldest batch is dropped, counted,
/// and every sink is told to resync from the database.
/// </summary>
public sealed class ChangeBus : IChangePublisher, IAsyncDisposable
{
    public const int InboundCapacity = 4096;

    private readonly Channel<IReadOnlyList<ChangeEvent>> _inbound;
    private readonly ConcurrentDictionary<Guid, ImmutableArray<IChangeSink>> _byUser = new();
    private readonly ConcurrentDictionary<IChangeSink, Guid?> _sinks = new();
    private readonly ILogger<ChangeBus> _logger;
    private readonly INotificationRecipients _recipients;
    private readonly Task _dispatchLoop;
    private readonly Lock _indexLock = new();
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

    public int SinkCount => _sinks.Count;
    public long DroppedBatches => Interlocked.Read(ref _droppedBatches);

    /// <summary>Raised on the dispatch loop after each batch was routed (benchmarks and tests observe it).</summary>
    internal event Action<IReadOnlyList<ChangeEvent>>? BatchDispatched;

    public void Publish(IReadOnlyList<ChangeEvent> changes)
    {
        if (changes.Count > 0)
        {
            _inbound.Writer.TryWrite(changes);
        }
    }

    /// <summary>Attaches a sink; dispose the result to detach it. Call <see cref="Reindex"/> when its user changes.</summary>
    public IDisposable Attach(IChangeSink sink)
    {
        lock (_indexLock)
        {
            _sinks[sink] = null;
            IndexUnderLock(sink);
        }

        return new Detacher(this, sink);
    }

    public void Reindex(IChangeSink sink)
    {
        lock (_indexLock)
        {
            if (_sinks.ContainsKey(sink))
            {
                IndexUnderLock(sink);
            }
        }
    }

    private void Detach(IChangeSink sink)
    {
        lock (_indexLock)
        {
            if (_sinks.TryRemove(sink, out var indexedUser) && indexedUser is { } user)
            {
                RemoveFromUser(user, sink);
            }
        }
    }

    private void IndexUnderLock(IChangeSink sink)
    {
        var previous = _sinks[sink];
        var current = sink.UserId;
        if (previous == current)
        {
            return;
        }

        if (previous is { } old)
        {
            RemoveFromUser(old, sink);
        }

        if (current is { } user)
        {
            _byUser.AddOrUpdate(user, [sink], (_, sinks) => sinks.Add(sink));
        }

        _sinks[sink] = current;
    }

    private void RemoveFromUser(Guid user, IChangeSink sink)
    {
        if (_byUser.TryGetValue(user, out var sinks))
        {
            var remaining = sinks.Remove(sink);
            if (remaining.IsEmpty)
            {
                _byUser.TryRemove(user, out _);
            }
            else
            {
                _byUser[user] = remaining;
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
                BatchDispatched?.Invoke(batch);
            }
            catch (Exception ex)
            {
                // Whatever this batch carried may not have arrived: every circuit re-reads from the database.
                _logger.LogError(ex, "Routing a batch of {Count} changes failed; sinks will resync", batch.Count);
                ResyncAll();
            }
        }
    }

    private async Task<IReadOnlyList<ChangeEvent>> ExpandAsync(IReadOnlyList<ChangeEvent> batch)
    {
        if (!batch.Any(c => c.IsNotificationsCreatedForAlbum))
        {
            return batch;
        }

        var expanded = new List<ChangeEvent>(batch.Count);
        foreach (var change in batch)
        {
            if (!change.IsNotificationsCreatedForAlbum)
            {
                expanded.Add(change);
                continue;
            }

            foreach (var recipient in await _recipients.OfAlbumAsync(change.Id))
            {
                if (_byUser.ContainsKey(recipient))
                {
                    expanded.Add(change with { RecipientUserId = recipient });
                }
            }
        }

        return expanded;
    }

    private void Route(IReadOnlyList<ChangeEvent> batch)
    {
        ICollection<IChangeSink>? catalogSinks = null;
        foreach (var change in batch)
        {
            if (change.Entity is EntityKind.Notification or EntityKind.User)
            {
                if (change.RecipientUserId is { } recipient && _byUser.TryGetValue(recipient, out var sinks))
                {
                    foreach (var sink in sinks)
                    {
                        Offer(sink, change);
                    }
                }

                continue;
            }

            catalogSinks ??= _sinks.Keys;
            foreach (var sink in catalogSinks)
            {
                if (sink.WantsCatalogChanges)
                {
                    Offer(sink, change);
                }
            }
        }
    }

    // One broken sink must not cost the others the rest of the batch.
    private void Offer(IChangeSink sink, ChangeEvent change)
    {
        try
        {
            sink.Offer(change);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "A change sink failed to take a change; it will resync");
            sink.ResyncRequired();
        }
    }

    private void OnBatchDropped(IReadOnlyList<ChangeEvent> batch)
    {
        var dropped = Interlocked.Increment(ref _droppedBatches);
        _logger.LogWarning("Change bus overloaded: dropped a batch of {Count} changes ({Dropped} so far); sinks will resync", batch.Count, dropped);
        ResyncAll();
    }

    private void ResyncAll()
    {
        foreach (var sink in _sinks.Keys)
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
