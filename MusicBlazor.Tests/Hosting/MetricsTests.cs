using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Hosting.Metrics;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Hosting;

/// <summary>The app's meter, as dotnet-counters or an OpenTelemetry exporter would listen to it.</summary>
public sealed class MetricsTests : DatabaseTest, IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value)> _measured = new();

    protected override Task ArrangeAsync()
    {
        var meter = App.Services.GetRequiredService<MusicBlazorMetrics>().Meter;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _measured.Enqueue((instrument.Name, value)));
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => _measured.Enqueue((instrument.Name, value)));
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => _measured.Enqueue((instrument.Name, value)));
        _listener.Start();
        return Task.CompletedTask;
    }

    public void Dispose() => _listener.Dispose();

    private IEnumerable<double> Measured(string instrument) => _measured.Where(m => m.Instrument == instrument).Select(m => m.Value);

    [Fact]
    public async Task AnAlbumCreatedAndDeliveredLiveIsCountedAndItsLatencyRecorded()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        var editor = await App.CreateUserAsync(Roles.Editor);
        var fan = await App.CreateUserAsync();
        var artist = await App.CreateArtistAsync(admin, "Counted");
        await App.FollowAsync(fan, artist);
        await using var circuit = new TestCircuit(App, fan);
        var (log, _) = await circuit.SubscribeToNotificationsAsync();

        await App.As<AlbumService>(editor).CreateAsync(artist, CatalogSeed.AlbumInput("Measured", 2001));
        await App.DeliverAsync();
        await log.WaitUntilAsync(l => l.Changes.Any(c => c.Entity == EntityKind.Notification), "the fan got the notification");
        _listener.RecordObservableInstruments();

        Assert.Equal([1.0], Measured("musicblazor.albums.created"));
        Assert.True(Measured("musicblazor.live.deliveries").Sum() >= 1);
        Assert.All(Measured("musicblazor.live.commit_to_delivery"), latency => Assert.InRange(latency, 0, 60_000));
        Assert.NotEmpty(Measured("musicblazor.live.commit_to_delivery"));
        Assert.Equal([0.0], Measured("musicblazor.bus.queue_depth"));
        Assert.Equal(1, App.Services.GetRequiredService<MusicBlazorMetrics>().AlbumsCreated);
    }
}
