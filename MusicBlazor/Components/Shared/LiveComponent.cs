using Microsoft.AspNetCore.Components;
using MusicBlazor.Notifications.Changes;
using MusicBlazor.Notifications.Hub;

namespace MusicBlazor.Components.Shared;

/// <summary>
/// Base for components that stay live through the circuit's <see cref="NotificationHub"/>. Subscriptions are
/// made once interactive and disposed with the component; deliveries run on the component's dispatcher, and a
/// failure is dispatched to this circuit (never to the publisher or another circuit).
/// </summary>
public abstract class LiveComponent : ComponentBase, IAsyncDisposable
{
    /// <summary>Bursts of catalog changes within this window cause one reload.</summary>
    protected static readonly TimeSpan CoalescingWindow = TimeSpan.FromMilliseconds(250);

    private readonly List<IDisposable> _subscriptions = [];
    private readonly CancellationTokenSource _disposed = new();
    private int _reloadScheduled;

    [Inject]
    protected NotificationHub Hub { get; set; } = default!;

    /// <summary>Reload whatever the page shows when a catalog change passes <paramref name="filter"/>.</summary>
    protected async Task WatchCatalogAsync(Func<ChangeEvent, bool> filter, Func<Task> reload)
    {
        _subscriptions.Add(await Hub.SubscribeToCatalogAsync(filter, _ =>
        {
            ScheduleReload(reload);
            return Task.CompletedTask;
        }));
    }

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
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _subscriptions.Clear();
        GC.SuppressFinalize(this);
    }
}
