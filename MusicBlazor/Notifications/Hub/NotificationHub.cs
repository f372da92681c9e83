using System.Threading.Channels;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using MusicBlazor.Accounts;
using MusicBlazor.Data;
using MusicBlazor.Notifications.Bus;
using MusicBlazor.Notifications.Changes;

namespace MusicBlazor.Notifications.Hub;

/// <summary>
/// The per-circuit notification hub (a scoped service). It knows the circuit's signed-in user, receives from the
/// <see cref="ChangeBus"/> only that user's notification events plus the catalog changes its components asked
/// for, and hands them to subscribers from its own queue, so a slow circuit never holds up the bus or another
/// circuit. Subscriptions are disposable tokens; disposing the hub (the circuit) removes them all.
/// </summary>
public sealed class NotificationHub : IChangeSink, IAsyncDisposable, IDisposable
{
    public const int QueueCapacity = 256;

    private readonly ChangeBus _bus;
    private readonly AuthenticationStateProvider _authentication;
    private readonly IDbContextFactory<MusicDbContext> _dbFactory;
    private readonly TimeProvider _clock;
    private readonly ILogger<NotificationHub> _logger;
    // null is a wake-up marker for the pump (resync requested, user changed).
    private readonly Channel<ChangeEvent?> _queue;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private volatile Subscription[] _subscriptions = [];
    private IDisposable? _attachment;
    private Task? _pump;
    private int _resync;
    private bool _started;
    private bool _disposed;
    private long _droppedEvents;

    public NotificationHub(
        ChangeBus bus,
        AuthenticationStateProvider authentication,
        IDbContextFactory<MusicDbContext> dbFactory,
        TimeProvider clock,
        ILogger<NotificationHub> logger)
    {
        _bus = bus;
        _authentication = authentication;
        _dbFactory = dbFactory;
        _clock = clock;
        _logger = logger;
        _queue = Channel.CreateBounded<ChangeEvent?>(
            new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            OnEventDropped);
    }

    public Guid? UserId { get; private set; }
    public bool WantsCatalogChanges => _subscriptions.Any(s => s.CatalogFilter is not null);
    public int SubscriberCount => _subscriptions.Length;
    public long DroppedEvents => Interlocked.Read(ref _droppedEvents);

    /// <summary>Receive the signed-in user's notification changes (created, dismissed, deleted).</summary>
    public Task<IDisposable> SubscribeToNotificationsAsync(Func<HubDelivery, Task> onDelivery) =>
        SubscribeAsync(new Subscription(this, null, onDelivery));

    /// <summary>Receive catalog changes (artists, albums, tracks, follows) that pass <paramref name="filter"/>.</summary>
    public Task<IDisposable> SubscribeToCatalogAsync(Func<ChangeEvent, bool> filter, Func<HubDelivery, Task> onDelivery) =>
        SubscribeAsync(new Subscription(this, filter, onDelivery));

    /// <summary>The circuit reconnected: events may have been missed while it was away.</summary>
    public void RequestResync() => ((IChangeSink)this).ResyncRequired();

    void IChangeSink.Offer(ChangeEvent change) => _queue.Writer.TryWrite(change);

    void IChangeSink.ResyncRequired()
    {
        Interlocked.Exchange(ref _resync, 1);
        _queue.Writer.TryWrite(null);
    }

    private async Task<IDisposable> SubscribeAsync(Subscription subscription)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await EnsureStartedAsync();
        lock (_lock)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }

        _bus.Reindex(this);
        return subscription;
    }

    private void Unsubscribe(Subscription subscription)
    {
        lock (_lock)
        {
            _subscriptions = _subscriptions.Where(s => s != subscription).ToArray();
        }
    }

    private async Task EnsureStartedAsync()
    {
        if (_started)
        {
            return;
        }

        await _startLock.WaitAsync();
        try
        {
            if (_started)
            {
                return;
            }

            UserId = await ResolveUserAsync(_authentication.GetAuthenticationStateAsync());
            _attachment = _bus.Attach(this);
            _authentication.AuthenticationStateChanged += OnAuthenticationStateChanged;
            _pump = Task.Run(PumpAsync);
            _started = true;
        }
        finally
        {
            _startLock.Release();
        }
    }

    private async void OnAuthenticationStateChanged(Task<AuthenticationState> state)
    {
        try
        {
            var user = await ResolveUserAsync(state);
            if (user != UserId && !_disposed)
            {
                UserId = user;
                _bus.Reindex(this);
                RequestResync();
            }
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Applying an authentication state change to the notification hub failed");
        }
    }

    private static async Task<Guid?> ResolveUserAsync(Task<AuthenticationState> state) =>
        Actor.FromPrincipal((await state).User).UserId;

    private async Task PumpAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<ChangeEvent>();
        try
        {
            while (await reader.WaitToReadAsync(_stopping.Token))
            {
                batch.Clear();
                while (reader.TryRead(out var change))
                {
                    if (change is not null)
                    {
                        batch.Add(change);
                    }
                }

                if (batch.Any(c => c.Entity == EntityKind.User && c.RecipientUserId == UserId))
                {
                    await CheckAccountAsync();
                }

                var resync = Interlocked.Exchange(ref _resync, 0) == 1;
                foreach (var subscription in _subscriptions)
                {
                    await subscription.DeliverAsync(batch, resync);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    private async Task CheckAccountAsync()
    {
        try
        {
            await StopIfAccountClosedAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A busy or unreachable database must not end this circuit's deliveries; revalidation will catch up.
            _logger.LogWarning(ex, "Checking the account of a notification hub's user failed; delivery continues");
        }
    }

    // A deleted or locked account stops receiving events in the circuits it still has open.
    private async Task StopIfAccountClosedAsync()
    {
        if (UserId is not { } userId)
        {
            return;
        }

        await using var db = await _dbFactory.CreateDbContextAsync(_stopping.Token);
        // Compared in memory: SQLite cannot translate DateTimeOffset comparisons, and the query would throw.
        var account = await db.Users.Where(u => u.Id == userId).Select(u => new { u.LockoutEnd }).SingleOrDefaultAsync(_stopping.Token);
        var open = account is not null && (account.LockoutEnd is null || account.LockoutEnd <= _clock.GetUtcNow());
        if (!open)
        {
            UserId = null;
            _bus.Reindex(this);
            Interlocked.Exchange(ref _resync, 1);
        }
    }

    private void OnEventDropped(ChangeEvent? change)
    {
        Interlocked.Increment(ref _droppedEvents);
        Interlocked.Exchange(ref _resync, 1);
        _logger.LogWarning("Notification hub queue full: dropped a change; subscribers will resync from the database");
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
        if (_disposed)
        {
            return null;
        }

        _disposed = true;
        _authentication.AuthenticationStateChanged -= OnAuthenticationStateChanged;
        _attachment?.Dispose();
        lock (_lock)
        {
            _subscriptions = [];
        }

        _queue.Writer.TryComplete();
        _stopping.Cancel();
        return _pump;
    }

    private sealed class Subscription(NotificationHub hub, Func<ChangeEvent, bool>? catalogFilter, Func<HubDelivery, Task> onDelivery)
        : IDisposable
    {
        public Func<ChangeEvent, bool>? CatalogFilter => catalogFilter;

        public async Task DeliverAsync(List<ChangeEvent> batch, bool resync)
        {
            var changes = catalogFilter is null
                ? batch.Where(c => c.Entity == EntityKind.Notification && c.RecipientUserId == hub.UserId).ToList()
                : batch.Where(c => c.Entity is not (EntityKind.Notification or EntityKind.User) && catalogFilter(c)).ToList();
            if (changes.Count == 0 && !resync)
            {
                return;
            }

            try
            {
                await onDelivery(new HubDelivery(changes, resync));
            }
            catch (Exception ex)
            {
                // One broken subscriber must not stop delivery to the others.
                hub._logger.LogError(ex, "A notification hub subscriber failed");
            }
        }

        public void Dispose() => hub.Unsubscribe(this);
    }
}
