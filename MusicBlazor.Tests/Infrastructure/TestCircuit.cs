using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Notifications.Bus;
using MusicBlazor.Notifications.Hub;
using MusicBlazor.TestSupport.Authentication;

namespace MusicBlazor.Tests.Infrastructure;

/// <summary>A circuit as the hub sees it: a DI scope with its own signed-in user and its own hub.</summary>
public sealed class TestCircuit : IAsyncDisposable
{
    private readonly TestApp _app;
    private readonly AsyncServiceScope _scope;
    private (DeliveryLog Log, Guid ArtistId)? _barrier;

    public TestCircuit(TestApp app, Actor actor)
    {
        _app = app;
        _scope = app.Services.CreateAsyncScope();
        Authentication = _scope.ServiceProvider.GetRequiredService<TestAuthenticationStateProvider>();
        Authentication.SignIn(actor);
        Hub = _scope.ServiceProvider.GetRequiredService<NotificationHub>();
    }

    public TestAuthenticationStateProvider Authentication { get; }
    public NotificationHub Hub { get; }

    public async Task<(DeliveryLog Log, IDisposable Subscription)> SubscribeToNotificationsAsync()
    {
        var log = new DeliveryLog();
        return (log, await Hub.SubscribeToNotificationsAsync(log.OnDelivery));
    }

    public (DeliveryLog Log, IDisposable Subscription) Subscribe(Topic topic)
    {
        var log = new DeliveryLog();
        return (log, Hub.Subscribe(topic, log.OnDelivery));
    }

    /// <summary>
    /// Returns once the hub has delivered, to every subscriber, everything committed before the call. A real change
    /// (a barrier artist's biography) goes through the log twice: the second can only reach the pump after it
    /// finished the round that carried the first. Subscribe to what is tested before the first call.
    /// </summary>
    public async Task SyncAsync()
    {
        _barrier ??= await CreateBarrierAsync();
        var (log, artistId) = _barrier.Value;
        for (var i = 0; i < 2; i++)
        {
            var expected = log.Changes.Count + 1;
            await using (var db = await _app.OpenDbAsync())
            {
                await db.Artists.Where(a => a.Id == artistId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Biography, Guid.NewGuid().ToString()));
            }

            await _app.DeliverAsync();
            await log.WaitUntilAsync(l => l.Changes.Count >= expected, "the hub delivered the sync marker");
        }
    }

    private async Task<(DeliveryLog, Guid)> CreateBarrierAsync()
    {
        await using var db = await _app.OpenDbAsync();
        var artist = Artist.Create($"Barrier {Guid.NewGuid():N}", null);
        db.Artists.Add(artist);
        await db.SaveChangesAsync();
        await _app.DeliverAsync();
        var (log, _) = Subscribe(Topic.Artist(artist.Id));
        return (log, artist.Id);
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
