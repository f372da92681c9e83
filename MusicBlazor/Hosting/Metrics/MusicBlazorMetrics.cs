using System.Diagnostics.Metrics;
using MusicBlazor.Notifications.Bus;
using MusicBlazor.Subscribers;

namespace MusicBlazor.Hosting.Metrics;

/// <summary>
/// The app's own instruments, on the meter <c>MusicBlazor</c> (System.Diagnostics.Metrics): watch them with
/// <c>dotnet-counters monitor -n MusicBlazor --counters MusicBlazor</c>, or export them with OpenTelemetry
/// (<see cref="TelemetryExport"/>). The gauges read the bus and the subscribers when they are observed; the counters
/// keep totals too, for the admins' System page.
/// </summary>
public sealed class MusicBlazorMetrics
{
    public const string MeterName = "MusicBlazor";

    private readonly Counter<long> _albumsCreated;
    private readonly Counter<long> _notificationsWritten;
    private readonly Counter<long> _liveDeliveries;
    private readonly Counter<long> _liveDrops;
    private readonly Histogram<double> _commitToDelivery;
    private long _albumsCreatedTotal;
    private long _notificationsWrittenTotal;
    private long _liveDeliveriesTotal;
    private long _liveDropsTotal;

    // The subscriber host is looked up when the gauges are read: it runs the metrics subscriber, which records here.
    public MusicBlazorMetrics(IMeterFactory meters, ChangeBus bus, ChangeLogFollower follower, IServiceProvider services)
    {
        var subscribers = new Lazy<SubscriberHost>(services.GetRequiredService<SubscriberHost>);
        Meter = meters.Create(MeterName);
        _albumsCreated = Meter.CreateCounter<long>("musicblazor.albums.created", "{album}", "Albums created");
        _notificationsWritten = Meter.CreateCounter<long>(
            "musicblazor.notifications.written", "{notification}", "Notifications written for followers (counted once per cluster, by the metrics subscriber)");
        _liveDeliveries = Meter.CreateCounter<long>("musicblazor.live.deliveries", "{change}", "Changes delivered to open circuits' components");
        _liveDrops = Meter.CreateCounter<long>("musicblazor.live.drops", "{change}", "Changes a full circuit queue dropped (the circuit catches up from the log)");
        _commitToDelivery = Meter.CreateHistogram<double>(
            "musicblazor.live.commit_to_delivery", "ms", "From the change's write (its log row's time) to its delivery in a circuit");
        Meter.CreateObservableGauge("musicblazor.bus.queue_depth", () => bus.InboundDepth, "{batch}", "Batches waiting for the bus to route them");
        Meter.CreateObservableGauge(
            "musicblazor.subscriber.lag",
            () => subscribers.Value.Statuses.Where(s => s.State != SubscriberState.Standby)
                .Select(s => new Measurement<long>(Math.Max(0, follower.Position - s.Position), new KeyValuePair<string, object?>("subscriber", s.Name))),
            "{change}", "Changes published live that a subscriber has not handled yet");
        Meter.CreateObservableCounter(
            "musicblazor.subscriber.dead_letters",
            () => subscribers.Value.Statuses.Select(s => new Measurement<long>(s.DeadLettered, new KeyValuePair<string, object?>("subscriber", s.Name))),
            "{change}", "Changes a subscriber gave up on (this server, since it started)");
    }

    public Meter Meter { get; }

    public long AlbumsCreated => Interlocked.Read(ref _albumsCreatedTotal);
    public long NotificationsWritten => Interlocked.Read(ref _notificationsWrittenTotal);
    public long LiveDeliveries => Interlocked.Read(ref _liveDeliveriesTotal);
    public long LiveDrops => Interlocked.Read(ref _liveDropsTotal);

    public void AlbumCreated()
    {
        Interlocked.Increment(ref _albumsCreatedTotal);
        _albumsCreated.Add(1);
    }

    public void NotificationsWrittenFor(int notifications)
    {
        Interlocked.Add(ref _notificationsWrittenTotal, notifications);
        _notificationsWritten.Add(notifications);
    }

    public void Delivered(int changes, DateTime writtenAt)
    {
        Interlocked.Add(ref _liveDeliveriesTotal, changes);
        _liveDeliveries.Add(changes);
        _commitToDelivery.Record(Math.Max(0, (DateTime.UtcNow - writtenAt).TotalMilliseconds));
    }

    public void Dropped()
    {
        Interlocked.Increment(ref _liveDropsTotal);
        _liveDrops.Add(1);
    }
}
