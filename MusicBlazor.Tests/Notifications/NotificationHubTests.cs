using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Notifications.Bus;
using MusicBlazor.Notifications.Hub;
using MusicBlazor.Tests.Infrastructure;
using MusicBlazor.Tests.Infrastructure.Providers;

namespace MusicBlazor.Tests.Notifications;

public sealed class NotificationHubTests : DatabaseTest
{
    private Actor _admin = null!;
    private Actor _editor = null!;
    private Actor _fan = null!;
    private Actor _otherFan = null!;
    private Guid _artist;
    private Guid _otherArtist;

    protected override async Task ArrangeAsync()
    {
        _admin = await App.CreateUserAsync(Roles.Admin);
        _editor = await App.CreateUserAsync(Roles.Editor);
        _fan = await App.CreateUserAsync();
        _otherFan = await App.CreateUserAsync();
        _artist = await App.CreateArtistAsync(_admin, "Nina");
        _otherArtist = await App.CreateArtistAsync(_admin, "Other");
        await App.FollowAsync(_fan, _artist);
        await App.FollowAsync(_otherFan, _artist);
    }

    private TestCircuit Open(Actor actor) => new(App, actor);

    private static List<(Guid Album, Guid? Recipient)> Notifications(DeliveryLog log) =>
        log.Changes.Where(c => c.Entity == EntityKind.Notification).Select(c => (c.Id, c.UserId)).ToList();

    private Task RenameAsync(Guid artist, string name) => App.As<ArtistService>(_admin).UpdateAsync(artist, new ArtistInput { Name = name });

    [DatabaseFact]
    public async Task EachCircuitHasItsOwnHubAttachedOnlyOnceSomethingSubscribes()
    {
        await using var first = Open(_fan);
        await using var second = Open(_fan);
        Assert.NotSame(first.Hub, second.Hub);
        Assert.Equal(0, App.Bus.SinkCount);

        var (_, subscription) = first.Subscribe(Topic.ArtistList);
        Assert.Equal(1, App.Bus.SinkCount);
        subscription.Dispose();
        await first.DisposeAsync();
        Assert.Equal(0, App.Bus.SinkCount);
    }

    [DatabaseFact]
    public async Task DeliversOnlyTheCircuitUsersNotifications()
    {
        await using var fanCircuit = Open(_fan);
        await using var otherCircuit = Open(_otherFan);
        await using var strangerCircuit = Open(await App.CreateUserAsync());
        var (fanLog, _) = await fanCircuit.SubscribeToNotificationsAsync();
        var (otherLog, _) = await otherCircuit.SubscribeToNotificationsAsync();
        var (strangerLog, _) = await strangerCircuit.SubscribeToNotificationsAsync();

        var album = await App.CreateAlbumAsync(_editor, _artist, "Live");
        await fanCircuit.SyncAsync();
        await otherCircuit.SyncAsync();
        await strangerCircuit.SyncAsync();

        Assert.Equal([(album, _fan.UserId)], Notifications(fanLog));
        Assert.Equal([(album, _otherFan.UserId)], Notifications(otherLog));
        Assert.Empty(strangerLog.Changes);
    }

    [DatabaseFact]
    public async Task ASubscriberReceivesOnlyTheRecordItShows()
    {
        await using var circuit = Open(_fan);
        var (nina, _) = circuit.Subscribe(Topic.Artist(_artist));
        var (other, _) = circuit.Subscribe(Topic.Artist(_otherArtist));

        await RenameAsync(_artist, "Nina Simone");
        await circuit.SyncAsync();

        Assert.Equal([(EntityKind.Artist, _artist)], nina.Changes.Select(c => (c.Entity, c.Id)));
        Assert.Empty(other.Changes);
    }

    [DatabaseFact]
    public async Task UnsubscribingStopsDeliveryToThatSubscriberOnly()
    {
        await using var circuit = Open(_fan);
        var (kept, _) = circuit.Subscribe(Topic.Artist(_artist));
        var (dropped, subscription) = circuit.Subscribe(Topic.Artist(_artist));
        subscription.Dispose();

        await RenameAsync(_artist, "Renamed");
        await circuit.SyncAsync();

        Assert.Single(kept.Changes);
        Assert.Empty(dropped.Changes);
    }

    [DatabaseFact]
    public async Task AFailingSubscriberDoesNotStopTheOthers()
    {
        await using var circuit = Open(_fan);
        circuit.Hub.Subscribe(Topic.Artist(_artist), _ => throw new InvalidOperationException("broken page"));
        var (healthy, _) = circuit.Subscribe(Topic.Artist(_artist));

        await RenameAsync(_artist, "Once");
        await RenameAsync(_artist, "Twice");
        await circuit.SyncAsync();

        Assert.Equal(2, healthy.Changes.Count);
    }

    [DatabaseFact]
    public async Task SigningOutStopsNotificationsAndSigningInFollowsTheNewUser()
    {
        await using var circuit = Open(_fan);
        var (log, _) = await circuit.SubscribeToNotificationsAsync();

        circuit.Authentication.SignOut();
        await log.WaitUntilAsync(l => l.Resyncs == 1, "the subscriber was told to re-read after sign-out");
        await App.CreateAlbumAsync(_editor, _artist, "While signed out");
        await circuit.SyncAsync();
        Assert.Empty(log.Changes);

        circuit.Authentication.SignIn(_otherFan);
        await log.WaitUntilAsync(l => l.Resyncs == 2, "the subscriber was told to re-read after sign-in");
        var album = await App.CreateAlbumAsync(_editor, _artist, "Signed in again");
        await circuit.SyncAsync();
        Assert.Equal([(album, _otherFan.UserId)], Notifications(log));
    }

    [DatabaseFact]
    public async Task ALockedAccountStopsReceivingInTheCircuitsItStillHasOpen()
    {
        await using var circuit = Open(_fan);
        var (log, _) = await circuit.SubscribeToNotificationsAsync();

        await App.As<UserAdminService>(_admin).SetLockedAsync(_fan.UserId!.Value, locked: true);
        await log.WaitUntilAsync(l => l.Resyncs == 1, "the locked account's panel was told to re-read");
        await App.CreateAlbumAsync(_editor, _artist, "After the lock");
        await circuit.SyncAsync();

        Assert.Empty(log.Changes);
    }

    [DatabaseFact]
    public async Task ALockoutAfterFailedLogInsLeavesTheCircuitsItHasOpenReceiving()
    {
        await using var circuit = Open(_fan);
        var (log, _) = await circuit.SubscribeToNotificationsAsync();

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var fan = await users.FindByIdAsync(_fan.UserId!.Value.ToString()) ?? throw new InvalidOperationException("No fan.");
            while (!await users.IsLockedOutAsync(fan))
            {
                (await users.AccessFailedAsync(fan)).ThrowIfFailed();
            }
        }

        var album = await App.CreateAlbumAsync(_editor, _artist, "During the lockout");
        await circuit.SyncAsync();

        Assert.Equal([(album, _fan.UserId)], Notifications(log));
        Assert.Equal(0, log.Resyncs);
    }

    [DatabaseFact]
    public async Task AnOverflowingQueueCatchesUpFromTheLogWithoutAskingToReread()
    {
        await using var circuit = Open(_fan);
        var gate = new TaskCompletionSource();
        var received = new List<HubDelivery>();
        circuit.Hub.Subscribe(Topic.Artist(_artist), async delivery =>
        {
            await gate.Task;
            lock (received)
            {
                received.Add(delivery);
            }
        });

        var renames = NotificationHub.QueueCapacity + 50;
        for (var i = 0; i < renames; i++)
        {
            await App.As<ArtistService>(_admin).UpdateAsync(_artist, new ArtistInput { Name = $"Name {i}" });
            if (i == 0)
            {
                await App.DeliverAsync();
                await Task.Delay(100); // the pump is now held inside the first delivery
            }
        }

        await App.DeliverAsync();
        await Eventually.TrueAsync(() => circuit.Hub.DroppedEvents > 0, "the hub's queue overflowed");
        gate.SetResult();

        await Eventually.TrueAsync(
            () => { lock (received) { return received.SelectMany(d => d.Changes).Count(c => c.Entity == EntityKind.Artist) >= renames; } },
            "every rename arrived, replayed or live");
        List<ChangeEvent> changes;
        lock (received)
        {
            Assert.DoesNotContain(received, d => d.Resync);
            changes = received.SelectMany(d => d.Changes).Where(c => c.Entity == EntityKind.Artist).ToList();
        }

        Assert.Equal(changes.Select(c => c.Sequence).Order().Distinct(), changes.Select(c => c.Sequence));
    }

    [DatabaseFact]
    public async Task AReconnectReplaysWhatWasMissedWhileTheLogStillHoldsIt()
    {
        await using var circuit = Open(_fan);
        var (log, _) = circuit.Subscribe(Topic.Artist(_artist));
        var handler = new NotificationCircuitHandler(circuit.Hub);
        await App.Follower.StopAsync(CancellationToken.None);

        await RenameAsync(_artist, "Missed once");
        await RenameAsync(_artist, "Missed twice");
        await handler.OnConnectionDownAsync(null!, CancellationToken.None);
        await handler.OnConnectionUpAsync(null!, CancellationToken.None);

        await log.WaitUntilAsync(l => l.Changes.Count == 2, "both missed renames were replayed");
        Assert.Equal(0, log.Resyncs);
    }

    [DatabaseFact]
    public async Task AReconnectAfterTheMissedChangesWerePrunedAsksToReread()
    {
        await using var circuit = Open(_fan);
        var (log, _) = circuit.Subscribe(Topic.Artist(_artist));
        var handler = new NotificationCircuitHandler(circuit.Hub);
        await App.Follower.StopAsync(CancellationToken.None);

        await RenameAsync(_artist, "Missed and pruned");
        await using (var db = await App.OpenDbAsync())
        {
            await db.ChangeLog.ExecuteDeleteAsync();
        }

        await handler.OnConnectionDownAsync(null!, CancellationToken.None);
        await handler.OnConnectionUpAsync(null!, CancellationToken.None);

        await log.WaitUntilAsync(l => l.Resyncs == 1, "the subscriber was asked to re-read");
        Assert.Empty(log.Changes);
    }

    [DatabaseFact]
    public async Task AConnectionThatNeverDroppedDoesNotCatchUp()
    {
        await using var circuit = Open(_fan);
        var (log, _) = circuit.Subscribe(Topic.Artist(_artist));
        var handler = new NotificationCircuitHandler(circuit.Hub);

        await handler.OnConnectionUpAsync(null!, CancellationToken.None);
        await RenameAsync(_artist, "Live");
        await circuit.SyncAsync();

        Assert.Single(log.Changes);
        Assert.Equal(0, log.Resyncs);
    }
}
