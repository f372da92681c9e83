using Microsoft.Extensions.DependencyInjection;
using MusicBlazor.Accounts;
using MusicBlazor.Notifications.Changes;
using MusicBlazor.Notifications.Hub;
using MusicBlazor.TestSupport.Authentication;

namespace MusicBlazor.Tests.Infrastructure;

/// <summary>A circuit as the hub sees it: a DI scope with its own signed-in user and its own hub.</summary>
public sealed class TestCircuit : IAsyncDisposable
{
    private readonly TestApp _app;
    private readonly AsyncServiceScope _scope;
    private readonly Guid _barrierId = Guid.CreateVersion7();
    private DeliveryLog? _barrier;

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

    public async Task<(DeliveryLog Log, IDisposable Subscription)> SubscribeToCatalogAsync(Func<ChangeEvent, bool> filter)
    {
        var log = new DeliveryLog();
        return (log, await Hub.SubscribeToCatalogAsync(filter, log.OnDelivery));
    }

    /// <summary>
    /// Returns once the hub has delivered, to every subscriber, everything published before the call. Two markers
    /// go through the bus: the second can only reach the pump after it finished the round that carried the first.
    /// Subscribe to what is tested before the first call.
    /// </summary>
    public async Task SyncAsync()
    {
        if (_barrier is null)
        {
            _barrier = new DeliveryLog();
            await Hub.SubscribeToCatalogAsync(c => c.Id == _barrierId, _barrier.OnDelivery);
        }

        for (var i = 0; i < 2; i++)
        {
            var expected = _barrier.Changes.Count + 1;
            _app.Bus.Publish([new ChangeEvent(ChangeOperation.Updated, EntityKind.Artist, _barrierId, null)]);
            await _barrier.WaitUntilAsync(l => l.Changes.Count >= expected, "the hub delivered the sync marker");
        }
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
