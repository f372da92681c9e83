using Microsoft.AspNetCore.Components;
using MusicBlazor.Notifications.Bus;
using MusicBlazor.Notifications.Hub;
using MusicBlazor.Subscribers;

namespace MusicBlazor.Components.Shared;

/// <summary>
/// Base for components that stay live through the circuit's <see cref="NotificationHub"/>. A component subscribes to
/// the topic it shows <em>before</em> it reads, and its read returns the change log <see cref="Position"/> it
/// reflects: changes at or before that position are already on screen, later ones trigger a re-read, so nothing
/// committed between the read and the subscription is lost or applied twice. Deliveries run on the component's
/// dispatcher, and a failure is dispatched to this circuit (never to the publisher or another circuit).
/// </summary>
public abstract class LiveComponent : ComponentBase, IAsyncDisposable
{
    /// <summary>Bursts of changes within this window cause one re-read.</summary>
    protected static readonly TimeSpan CoalescingWindow = TimeSpan.FromMilliseconds(250);

    private readonly List<IDisposable> _subscriptions = [];
    private readonly CancellationTokenSource _disposed = new();
    private (Topic Topic, IDisposable Subscription)? _watch;
    private int _reloadScheduled;
    private long _position;

    [Inject]
    protected NotificationHub Hub { get; set; } = default!;

    /// <summary>The last change log sequence what the component shows reflects; set it from each read.</summary>
    protected long Position
    {
        get => Interlocked.Read(ref _position);
        set => Interlocked.Exchange(ref _position, value);
    }

    /// <summary>
    /// Re-read (<paramref name="reload"/>) when <paramref name="topic"/> changes after <see cref="Position"/>. Call
    /// it before the first read; calling it again with another topic (new parameters) moves the watch.
    /// </summary>
    protected void Watch(Topic topic, Func<Task> reload)
    {
        if (_watch?.Topic == topic)
        {
            return;
        }

        _watch?.Subscription.Dispose();
        _watch = (topic, Hub.Subscribe(topic, delivery =>
        {
            if (delivery.Resync || delivery.Changes.Any(c => c.Sequence > Position))
            {
                ScheduleReload(reload);
            }

            return Task.CompletedTask;
        }));
    }

    /// <summary>Receive the changes of <paramref name="topic"/> on this component's dispatcher; dispose the result to stop.</summary>
    protected IDisposable Subscribe(Topic topic, Func<HubDelivery, Task> onDelivery)
    {
        var subscription = Hub.Subscribe(topic, delivery => OnDispatcherAsync(() => onDelivery(delivery)));
        _subscriptions.Add(subscription);
        return subscription;
    }

    /// <summary>
    /// Re-read (<paramref name="reload"/>) when <paramref name="topic"/> changes, once <paramref name="subscriber"/> has
    /// handled the change: for views of what a background subscriber writes (the activity feed, the audit log).
    /// </summary>
    protected void WatchOutputOf(Topic topic, string subscriber, SubscriberProgress progress, Func<Task> reload)
    {
        _subscriptions.Add(Hub.Subscribe(topic, delivery =>
        {
            var newest = delivery.Changes.Count == 0 ? 0 : delivery.Changes[^1].Sequence;
            _ = Task.Run(async () =>
            {
                try
                {
                    await progress.WaitForAsync(subscriber, newest, SubscriberWait, _disposed.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                ScheduleReload(reload);
            });
            return Task.CompletedTask;
        }));
    }

    /// <summary>How long a view waits for a background subscriber before it re-reads anyway.</summary>
    protected static readonly TimeSpan SubscriberWait = TimeSpan.FromSeconds(10);

    protected async Task WatchNotificationsAsync(Func<HubDelivery, Task> onDelivery)
    {
        _subscriptions.Add(await Hub.SubscribeToNotificationsAsync(delivery => OnDispatcherAsync(() => onDelivery(delivery))));
    }

    private void ScheduleReload(Func<Task> reload)
    {
        if (Interlocked.Exchange(ref _reloadScheduled, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(CoalescingWindow, _disposed.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Interlocked.Exchange(ref _reloadScheduled, 0);
            await OnDispatcherAsync(reload);
        });
    }

    private async Task OnDispatcherAsync(Func<Task> work)
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        try
        {
            await InvokeAsync(async () =>
            {
                await work();
                StateHasChanged();
            });
        }
        catch (ObjectDisposedException)
        {
            // The circuit is going away (dotnet/aspnetcore#35655).
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        _watch?.Subscription.Dispose();
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _subscriptions.Clear();
        GC.SuppressFinalize(this);
    }
}
