using MusicBlazor.Accounts;
using MusicBlazor.Notifications.Hub;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Notifications;

public sealed class NotificationCircuitHandlerTests : DatabaseTest
{
    [Fact]
    public async Task AReconnectedCircuitTellsItsSubscribersToResync()
    {
        await using var circuit = new TestCircuit(App, Actor.Anonymous);
        var (log, _) = await circuit.SubscribeToNotificationsAsync();
        var handler = new NotificationCircuitHandler(circuit.Hub);

        await handler.OnConnectionUpAsync(null!, CancellationToken.None);
        await circuit.SyncAsync();
        Assert.Equal(0, log.Resyncs);

        await handler.OnConnectionDownAsync(null!, CancellationToken.None);
        await handler.OnConnectionUpAsync(null!, CancellationToken.None);

        await log.WaitUntilAsync(l => l.Resyncs == 1, "the subscriber was told to resync");
        await handler.OnConnectionUpAsync(null!, CancellationToken.None);
        await circuit.SyncAsync();
        Assert.Equal(1, log.Resyncs);
    }
}
