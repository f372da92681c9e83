using System.Threading.Channels;
using MusicBlazor.Accounts;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Hosting.Metrics;
using MusicBlazor.Notifications.Bus;

namespace MusicBlazor.Notifications.Hub;

/// <summary>
/// The per-circuit notification hub (a scoped service) that components subscribe to, each to exactly the
/// <see cref="Topic"/> it shows. It listens to those topics on the <see cref="ChangeBus"/> and hands their changes
/// to the subscribers, in sequence order, from its own bounded queue, so a slow circuit never holds up the bus or
/// another circuit. It remembers the last sequence it delivered: when changes may have been missed (its queue
/// overflowed, the bus dropped a batch, the connection came back) it replays them from the change log, and asks its
/// subscribers to re-read only when the log no longer holds them. Subscriptions are disposable tokens; disposing
/// the hub (the circuit) removes them all.
/// </summary>
public sealed class NotificationHub : IChangeSink, IAsyncDisposable, IDisposable
{
    public const int QueueCapacity = 256;

    /// <summary>More missed changes than this are not replayed: re-reading is cheaper.</summary>
    public const int ReplayLimit = 1000;

    private readonly ChangeBus _bus;
    private readonly CircuitUser _user;
    private readonly ChangeLogReader _log;
    private readonly ILogger<NotificationHub> _logger;
    // null is a wake-up marker for the pump (catch-up requested, user changed).
    private readonly Channel<(ChangeEvent Change, Topic Topic)?> _queue;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly Dictionary<Topic, int> _listening = [];
    private volatile Subscription[] _subscriptions = [];
    private IDisposable? _attachment;
    private Topic? _account;
    private Task? _pump;
    private long _position;
    private int _catchUp;
    private int _userChanged;
    private bool _disposed;
    private long _droppedEvents;
    private readonly MusicBlazorMetrics _metrics;

    public NotificationHub(ChangeBus bus, CircuitUser user, ChangeLogReader log, MusicBlazorMetrics metrics, ILogger<NotificationHub> logger)
    {
        _metrics = metrics;
        _bus = bus;
        _user = user;
        _log = log;
        _logger = logger;
        _queue = Channel.CreateBounded<(ChangeEvent, Topic)?>(
            new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            OnEventDropped);
    }

    /// <summary>The last sequence this hub delivered or caught up to.</summary>
    public long Position => Interlocked.Read(ref _position);

    public int SubscriberCount => _subscriptions.Length;
    public long DroppedEvents => Interlocked.Read(ref _droppedEvents);

    /// <summary>Receive the changes of <paramref name="topic"/> from now on.</summary>
    public IDisposable Subscribe(Topic topic, Func<HubDelivery, Task> onDelivery) => Add(new Subscription(this, topic, followsUser: false, onDelivery));

    /// <summary>Receive the signed-in user's notification changes, following the circuit's user as it signs in or out.</summary>
    public async Task<IDisposable> SubscribeToNotificationsAsync(Func<HubDelivery, Task> onDelivery)
    {
        await _user.InitializeAsync();
        return Add(new Subscription(this, NotificationsTopic(), followsUser: true, onDelivery));
    }

    /// <summary>The connection came back: changes may have been missed while it was away.</summary>
    public void RequestCatchUp() => ((IChangeSink)this).ResyncRequired();

    void IChangeSink.Offer(ChangeEvent change, Topic topic) => _queue.Writer.TryWrite((change, topic));

    void IChangeSink.ResyncRequired()
    {
        Interlocked.Exchange(ref _catchUp, 1);
        _queue.Writer.TryWrite(null);
    }

    private Subscription Add(Subscription subscription)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_lock)
        {
            StartUnderLock();
            _subscriptions = [.. _subscriptions, subscription];
            ListenUnderLock(subscription.Topic);
        }

        return subscription;
    }

    private void Remove(Subscription subscription)
    {
        lock (_lock)
        {
            if (_subscriptions.Contains(subscription))
            {
                _subscriptions = _subscriptions.Where(s => s != subscription).ToArray();
                UnlistenUnderLock(subscription.Topic);
            }
        }
    }

    private void StartUnderLock()
    {
        if (_attachment is not null)
        {
            return;
        }

        _attachment = _bus.Attach(this);
        Interlocked.Exchange(ref _position, _bus.Position);
        _user.Changed += OnUserChanged;
        FollowAccountUnderLock();
        _pump = Task.Run(PumpAsync);
    }

    private void ListenUnderLock(Topic topic)
    {
        _listening[topic] = _listening.GetValueOrDefault(topic) + 1;
        if (_listening[topic] == 1)
        {
            _bus.Listen(this, topic);
        }
    }

    private void UnlistenUnderLock(Topic topic)
    {
        if (_listening.TryGetValue(topic, out var count) && --_listening[topic] == 0)
        {
            _listening.Remove(topic);
            _bus.Unlisten(this, topic);
        }
    }

    /// <summary>A lock or deletion of the circuit's own account arrives as a change of its Account topic.</summary>
    private void FollowAccountUnderLock()
    {
        if (_account is { } previous)
        {
            UnlistenUnderLock(previous);
        }

        _account = _user.UserId is { } userId ? Topic.Account(userId) : null;
        if (_account is { } current)
        {
            ListenUnderLock(current);
        }
    }

    // Nobody's notifications while signed out: a topic of the empty id, which no change carries.
    private Topic NotificationsTopic() => Topic.Notifications(_user.UserId ?? Guid.Empty);

    private void OnUserChanged()
    {
        var rekeyed = false;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            FollowAccountUnderLock();
            foreach (var subscription in _subscriptions.Where(s => s.FollowsUser && s.Topic != NotificationsTopic()))
            {
                UnlistenUnderLock(subscription.Topic);
                subscription.Topic = NotificationsTopic();
                ListenUnderLock(subscription.Topic);
                rekeyed = true;
            }
        }

        if (rekeyed)
        {
            Interlocked.Exchange(ref _userChanged, 1);
            _queue.Writer.TryWrite(null);
        }
    }

    private async Task PumpAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<(ChangeEvent Change, Topic Topic)>();
        try
        {
            while (await reader.WaitToReadAsync(_stopping.Token))
            {
                batch.Clear();
                while (reader.TryRead(out var item))
                {
                    if (item is { } offered)
                    {
                        batch.Add(offered);
                    }
                }

                if (Interlocked.Exchange(ref _catchUp, 0) == 1)
                {
                    await CatchUpAsync();
                }

                if (Interlocked.Exchange(ref _userChanged, 0) == 1)
                {
                    await DeliverAsync(_subscriptions.Where(s => s.FollowsUser), [], resync: true);
                }

                await DeliverLiveAsync(batch);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverLiveAsync(List<(ChangeEvent Change, Topic Topic)> batch)
    {
        // Anything at or before the position arrived already, through a replay.
        var fresh = batch.Where(item => item.Change.Sequence > Position).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        if (_account is { } account && fresh.Any(item => item.Topic == account))
        {
            await _user.RevalidateAsync(_stopping.Token);
        }

        foreach (var subscription in _subscriptions)
        {
            var changes = fresh.Where(item => item.Topic == subscription.Topic).Select(item => item.Change).ToList();
            if (changes.Count > 0)
            {
                await subscription.DeliverAsync(new HubDelivery(changes, Resync: false));
            }
        }

        _metrics.Delivered(fresh.Count, fresh[^1].Change.At);
        Interlocked.Exchange(ref _position, Math.Max(Position, fresh[^1].Change.Sequence));
    }

    /// <summary>Replays what was missed from the log; subscribers re-read only when the log no longer holds it.</summary>
    private async Task CatchUpAsync()
    {
        IReadOnlyList<ChangeEvent>? missed;
        try
        {
            missed = await _log.ReplayAfterAsync(Position, ReplayLimit, _stopping.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Replaying the change log for a notification hub failed; its subscribers re-read");
            missed = null;
        }

        if (missed is null)
        {
            Interlocked.Exchange(ref _position, _bus.Position);
            await DeliverAsync(_subscriptions, [], resync: true);
            return;
        }

        var live = missed.Where(c => !c.Suppressed).ToList();
        foreach (var subscription in _subscriptions)
        {
            var changes = live.Where(c => Topic.Of(c).Contains(subscription.Topic)).ToList();
            // Whom an album's notifications went to is not in the log: the notifications view re-reads instead.
            var resync = subscription.FollowsUser && live.Any(c => c.IsNotificationsCreatedForAlbum);
            if (changes.Count > 0 || resync)
            {
                await subscription.DeliverAsync(new HubDelivery(changes, resync));
            }
        }

        if (missed.Count > 0)
        {
            Interlocked.Exchange(ref _position, Math.Max(Position, missed[^1].Sequence));
        }
    }

    private static async Task DeliverAsync(IEnumerable<Subscription> subscriptions, IReadOnlyList<ChangeEvent> changes, bool resync)
    {
        foreach (var subscription in subscriptions)
        {
            await subscription.DeliverAsync(new HubDelivery(changes, resync));
        }
    }

    private void OnEventDropped((ChangeEvent, Topic)? dropped)
    {
        Interlocked.Increment(ref _droppedEvents);
        _metrics.Dropped();
        Interlocked.Exchange(ref _catchUp, 1);
        _logger.LogWarning("Notification hub queue full: dropped a change; it will catch up from the change log");
    }

    public async ValueTask DisposeAsync()
    {
        if (Stop() is { } pump)
        {
            await pump;
        }
    }

    // Containers that dispose synchronously still detach the hub at once; the pump ends on its own.
    public void Dispose() => Stop();

    private Task? Stop()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return null;
            }

            _disposed = true;
            _user.Changed -= OnUserChanged;
            _attachment?.Dispose();
            _subscriptions = [];
            _listening.Clear();
        }

        _queue.Writer.TryComplete();
        _stopping.Cancel();
        return _pump;
    }

    private sealed class Subscription(NotificationHub hub, Topic topic, bool followsUser, Func<HubDelivery, Task> onDelivery) : IDisposable
    {
        public Topic Topic { get; set; } = topic;
        public bool FollowsUser => followsUser;

        public async Task DeliverAsync(HubDelivery delivery)
        {
            try
            {
                await onDelivery(delivery);
            }
            catch (Exception ex)
            {
                // One broken subscriber must not stop delivery to the others.
                hub._logger.LogError(ex, "A notification hub subscriber failed");
            }
        }

        public void Dispose() => hub.Remove(this);
    }
}
