using System.Collections.Concurrent;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Notifications.Hub;

namespace MusicBlazor.Tests.Infrastructure;

/// <summary>What one hub subscriber received.</summary>
public sealed class DeliveryLog
{
    private readonly ConcurrentQueue<HubDelivery> _deliveries = new();

    public IReadOnlyList<HubDelivery> Deliveries => _deliveries.ToArray();
    public IReadOnlyList<ChangeEvent> Changes => Deliveries.SelectMany(d => d.Changes).ToList();
    public int Resyncs => Deliveries.Count(d => d.Resync);

    public Task OnDelivery(HubDelivery delivery)
    {
        _deliveries.Enqueue(delivery);
        return Task.CompletedTask;
    }

    public void Clear() => _deliveries.Clear();

    public Task WaitUntilAsync(Func<DeliveryLog, bool> condition, string what, TimeSpan? timeout = null) =>
        Eventually.TrueAsync(() => condition(this), what, timeout);
}
