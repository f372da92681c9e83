using MusicBlazor.Accounts;
using MusicBlazor.Notifications.Changes;
using MusicBlazor.Notifications.Hub;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Notifications;

public sealed class NotificationHubTests : DatabaseTest
{
    private Actor _admin = null!;
    private Actor _fan = null!;
    private Actor _otherFan = null!;
    private Guid _artist;
    private Guid _otherArtist;

    protected override async Task ArrangeAsync()
    {
        _admin = await App.CreateUserAsync(Roles.Admin);
        _fan = await App.CreateUserAsync();
        _otherFan = await App.CreateUserAsync();
        _artist = await App.CreateArtistAsync(_admin, "Nina");
        _otherArtist = await App.CreateArtistAsync(_admin, "Other");
        await App.FollowAsync(_fan, _artist);
        await App.FollowAsync(_otherFan, _artist);
    }

    private TestCircuit Open(Actor actor) => new(App, actor);

    private static List<(Guid Album, Guid? Recipient)> Notifications(DeliveryLog log) =>
        log.Changes.Where(c => c.Entity == EntityKind.Notification).Select(c => (c.Id, c.RecipientUserId)).ToList();

    [Fact]
    public async Task EachCircuitHasItsOwnHub()
    {
        await using var first = Open(_fan);
        await using var second = Open(_fan);

        Assert.NotSame(first.Hub, second.Hub);
        Assert.Equal(0, App.Bus.SinkCount);
    }

    [Fact]
    public async Task DeliversOnlyTheCircuitUsersNotifications()
    {
        await using var fanCircuit = Open(_fan);
        await using var otherCircuit = Open(_otherFan);
        await using var strangerCircuit = Open(await App.CreateUserAsync());
        var (fanLog, _) = await fanCircuit.SubscribeToNotificationsAsync();
        var (otherLog, _) = await otherCircuit.SubscribeToNotificationsAsync();
        var (strangerLog, _) = await strangerCircuit.SubscribeToNotificationsAsync();

        var album = await App.CreateAlbumAsync(_admin, _artist, "Live");
        await fanCircuit.SyncAsync();
        await otherCircuit.SyncAsync();
        await strangerCircuit.SyncAsync();

        Assert.Equal([(album, _fan.UserId)], Notifications(fanLog));
        Assert.Equal([(album, _otherFan.UserId)], Notifications(otherLog));
        Assert.Empty(strangerLog.Changes);
        Assert.All(fanLog.Changes, c => Assert.Equal(EntityKind.Notification, c.Entity));
    }

    [Fact]
    public async Task TwoTabsOfTheSameUserBothReceive()
    {
        await using var tab1 = Open(_fan);
        await using var tab2 = Open(_fan);
        var (log1, _) = await tab1.SubscribeToNotificationsAsync();
        var (log2, _) = await tab2.SubscribeToNotificationsAsync();

        var album = await App.CreateAlbumAsync(_admin, _artist, "Live");

        await log1.WaitUntilAsync(l => Notifications(l).Count == 1, "the first tab got the notification");
        await log2.WaitUntilAsync(l => Notifications(l).Count == 1, "the second tab got the notification");
        Assert.Equal(album, Notifications(log2)[0].Album);
    }

    [Fact]
    public async Task CatalogSubscribersReceiveOnlyTheCatalogChangesTheyAskedFor()
    {
        await using var circuit = Open(Actor.Anonymous);
        var (log, _) = await circuit.SubscribeToCatalogAsync(c => c.ArtistId == _artist);

        var album = await App.CreateAlbumAsync(_admin, _artist, "Live", 2000, ("One", "1:00"));
        await App.CreateAlbumAsync(_admin, _otherArtist, "Elsewhere", 2000, ("Two", "1:00"));
        await circuit.SyncAsync();

        Assert.Contains(log.Changes, c => c is { Entity: EntityKind.Album, Operation: ChangeOperation.Created } && c.Id == album);
        Assert.Contains(log.Changes, c => c.Entity == EntityKind.Track);
        Assert.All(log.Changes, c => Assert.Equal(_artist, c.ArtistId));
        Assert.DoesNotContain(log.Changes, c => c.Entity is EntityKind.Notification or EntityKind.User);
    }

    [Fact]
    public async Task NotificationSubscribersGetNoCatalogChanges()
    {
        await using var circuit = Open(_fan);
        var (log, _) = await circuit.SubscribeToNotificationsAsync();
        var (catalog, _) = await circuit.SubscribeToCatalogAsync(c => c.ArtistId == _artist);

        await App.CreateAlbumAsync(_admin, _artist, "Live");
        await circuit.SyncAsync();

        Assert.NotEmpty(catalog.Changes);
        Assert.All(log.Changes, c => Assert.Equal(EntityKind.Notification, c.Entity));
    }

    [Fact]
    public async Task ASubscriberThatThrowsDoesNotStopTheOthers()
    {
        await using var circuit = Open(_fan);
        var failures = 0;
        await circuit.Hub.SubscribeToNotificationsAsync(_ =>
        {
            Interlocked.Increment(ref failures);
            throw new InvalidOperationException("broken component");
        });
        var (log, _) = await circuit.SubscribeToNotificationsAsync();

        var first = await App.CreateAlbumAsync(_admin, _artist, "First");
        var second = await App.CreateAlbumAsync(_admin, _artist, "Second");

        await log.WaitUntilAsync(l => Notifications(l).Count == 2, "both notifications reached the healthy subscriber");
        Assert.Equal([first, second], Notifications(log).Select(n => n.Album));
        Assert.True(Volatile.Read(ref failures) >= 1);
    }

    [Fact]
    public async Task DisposingSubscriptionsAndTheHubLeavesNothingBehind()
    {
        var circuit = Open(_fan);
        var (_, notifications) = await circuit.SubscribeToNotificationsAsync();
        var (_, catalog) = await circuit.SubscribeToCatalogAsync(_ => true);
        await using (var other = Open(_otherFan))
        {
            await other.SubscribeToNotificationsAsync();
            Assert.Equal(2, App.Bus.SinkCount);
        }

        Assert.Equal((2, true, 1), (circuit.Hub.SubscriberCount, circuit.Hub.WantsCatalogChanges, App.Bus.SinkCount));

        catalog.Dispose();
        catalog.Dispose();
        Assert.Equal((1, false), (circuit.Hub.SubscriberCount, circuit.Hub.WantsCatalogChanges));

        notifications.Dispose();
        Assert.Equal(0, circuit.Hub.SubscriberCount);

        await circuit.DisposeAsync();
        Assert.Equal(0, App.Bus.SinkCount);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => circuit.Hub.SubscribeToNotificationsAsync(_ => Task.CompletedTask));
    }

    [Fact]
    public async Task ADisposedSubscriptionReceivesNothingMore()
    {
        await using var circuit = Open(_fan);
        var (log, subscription) = await circuit.SubscribeToNotificationsAsync();
        var (kept, _) = await circuit.SubscribeToNotificationsAsync();

        subscription.Dispose();
        await App.CreateAlbumAsync(_admin, _artist, "Live");
        await circuit.SyncAsync();

        Assert.Single(Notifications(kept));
        Assert.Empty(log.Deliveries);
    }

    [Fact]
    public async Task SigningOutStopsDeliveryAndAsksForAResync()
    {
        await using var circuit = Open(_fan);
        var (log, _) = await circuit.SubscribeToNotificationsAsync();

        circuit.Authentication.SignOut();
        await log.WaitUntilAsync(l => l.Resyncs == 1, "the subscriber was told to resync");
        await App.CreateAlbumAsync(_admin, _artist, "Live");
        await circuit.SyncAsync();

        Assert.Null(circuit.Hub.UserId);
        Assert.Empty(log.Changes);
    }

    [Fact]
    public async Task SigningInAsAnotherUserRoutesThatUsersNotifications()
    {
        await using var circuit = Open(Actor.Anonymous);
        var (log, _) = await circuit.SubscribeToNotificationsAsync();

        circuit.Authentication.SignIn(_otherFan);
        await log.WaitUntilAsync(l => l.Resyncs == 1, "the subscriber was told to resync");
        var album = await App.CreateAlbumAsync(_admin, _artist, "Live");

        await log.WaitUntilAsync(l => Notifications(l).Count == 1, "the new user's notification arrived");
        Assert.Equal([(album, _otherFan.UserId)], Notifications(log));
    }

    [Fact]
    public async Task LockingTheUserStopsDelivery()
    {
        await using var circuit = Open(_fan);
        var (log, _) = await circuit.SubscribeToNotificationsAsync();

        await App.As<UserAdminService>(_admin).SetLockedAsync(_fan.UserId!.Value, true);
        await log.WaitUntilAsync(l => l.Resyncs >= 1, "the subscriber was told to resync");
        await App.CreateAlbumAsync(_admin, _artist, "Live");
        await circuit.SyncAsync();

        Assert.Null(circuit.Hub.UserId);
        Assert.Empty(log.Changes);
    }

    [Fact]
    public async Task DeletingTheUserStopsDelivery()
    {
        await using var circuit = Open(_fan);
        var (log, _) = await circuit.SubscribeToNotificationsAsync();

        await App.As<UserAdminService>(_admin).DeleteAsync(_fan.UserId!.Value);
        await log.WaitUntilAsync(l => l.Resyncs >= 1, "the subscriber was told to resync");
        log.Clear();
        App.Bus.Publish([new ChangeEvent(ChangeOperation.Created, EntityKind.Notification, Guid.CreateVersion7(), null, _fan.UserId)]);
        await circuit.SyncAsync();

        Assert.Null(circuit.Hub.UserId);
        Assert.Empty(log.Changes);
    }

    [Fact]
    public async Task AnotherUsersAccountChangeDoesNotStopDelivery()
    {
        await using var circuit = Open(_fan);
        var (log, _) = await circuit.SubscribeToNotificationsAsync();

        await App.As<UserAdminService>(_admin).SetLockedAsync(_otherFan.UserId!.Value, true);
        var album = await App.CreateAlbumAsync(_admin, _artist, "Live");

        await log.WaitUntilAsync(l => Notifications(l).Count == 1, "the notification arrived");
        Assert.Equal((_fan.UserId, 0), (circuit.Hub.UserId, log.Resyncs));
        Assert.Equal([(album, _fan.UserId)], Notifications(log));
    }

    [Fact]
    public async Task ARequestedResyncReachesEverySubscriber()
    {
        await using var circuit = Open(_fan);
        var (notifications, _) = await circuit.SubscribeToNotificationsAsync();
        var (catalog, _) = await circuit.SubscribeToCatalogAsync(c => c.ArtistId == _artist);

        circuit.Hub.RequestResync();

        await notifications.WaitUntilAsync(l => l.Resyncs == 1, "the notification subscriber resynced");
        await catalog.WaitUntilAsync(l => l.Resyncs == 1, "the catalog subscriber resynced");
        Assert.Empty(notifications.Changes);
    }

    [Fact]
    public async Task ASlowSubscriberMakesTheHubDropEventsAndResyncInsteadOfGrowing()
    {
        await using var circuit = Open(_fan);
        var release = new TaskCompletionSource();
        var log = new DeliveryLog();
        var entered = 0;
        await circuit.Hub.SubscribeToNotificationsAsync(async delivery =>
        {
            Interlocked.Exchange(ref entered, 1);
            await release.Task;
            await log.OnDelivery(delivery);
        });
        Notify(1);
        await Eventually.TrueAsync(() => Volatile.Read(ref entered) == 1, "the subscriber is busy");

        Notify(NotificationHub.QueueCapacity + 10);
        await Eventually.TrueAsync(() => circuit.Hub.DroppedEvents >= 10, "the hub dropped the overflow");
        release.SetResult();

        await log.WaitUntilAsync(l => l.Resyncs >= 1, "the subscriber was told to resync");
    }

    private void Notify(int count)
    {
        for (var i = 0; i < count; i++)
        {
            App.Bus.Publish([new ChangeEvent(ChangeOperation.Created, EntityKind.Notification, Guid.CreateVersion7(), null, _fan.UserId)]);
        }
    }
}
