using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using MusicBlazor.Notifications.Bus;
using MusicBlazor.Notifications.Changes;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Notifications;

public sealed class ChangeBusTests : IAsyncLifetime
{
    private readonly StubRecipients _recipients = new();
    private readonly ChangeBus _bus;
    private int _dispatched;

    public ChangeBusTests()
    {
        _bus = new ChangeBus(_recipients, NullLogger<ChangeBus>.Instance);
        _bus.BatchDispatched += _ => Interlocked.Increment(ref _dispatched);
    }

    private sealed class StubRecipients : INotificationRecipients
    {
        public Dictionary<Guid, Guid[]> ByAlbum { get; } = [];
        public Exception? Fault { get; set; }

        public Task<IReadOnlyList<Guid>> OfAlbumAsync(Guid albumId, CancellationToken cancellationToken = default) =>
            Fault is not null ? Task.FromException<IReadOnlyList<Guid>>(Fault) : Task.FromResult<IReadOnlyList<Guid>>(ByAlbum[albumId]);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    private static ChangeEvent NotificationFor(Guid user) =>
        new(ChangeOperation.Created, EntityKind.Notification, Guid.CreateVersion7(), null, RecipientUserId: user);

    private static ChangeEvent AccountChangeOf(Guid user) => new(ChangeOperation.Updated, EntityKind.User, user, null, RecipientUserId: user);

    private static ChangeEvent AlbumChange() =>
        new(ChangeOperation.Created, EntityKind.Album, Guid.CreateVersion7(), null, ArtistId: Guid.CreateVersion7());

    /// <summary>Publishes and waits until the dispatch loop has routed it (sinks record synchronously).</summary>
    private async Task PublishAsync(params ChangeEvent[] changes)
    {
        var target = Volatile.Read(ref _dispatched) + 1;
        _bus.Publish(changes);
        await Eventually.TrueAsync(() => Volatile.Read(ref _dispatched) >= target, "the bus dispatched the batch");
    }

    [Fact]
    public async Task NotificationAndAccountEventsReachOnlyTheRecipientsSinks()
    {
        var (alice, bob) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var aliceTab1 = new RecordingSink(alice);
        var aliceTab2 = new RecordingSink(alice);
        var bobSink = new RecordingSink(bob, wantsCatalog: true);
        using var a1 = _bus.Attach(aliceTab1);
        using var a2 = _bus.Attach(aliceTab2);
        using var b = _bus.Attach(bobSink);
        var forAlice = NotificationFor(alice);
        var aliceAccount = AccountChangeOf(alice);

        await PublishAsync(forAlice, aliceAccount);

        Assert.Equal([forAlice, aliceAccount], aliceTab1.Received);
        Assert.Equal([forAlice, aliceAccount], aliceTab2.Received);
        Assert.Empty(bobSink.Received);
    }

    [Fact]
    public async Task CatalogEventsReachOnlySinksThatWantThem()
    {
        var wanting = new RecordingSink(null, wantsCatalog: true);
        var notWanting = new RecordingSink(Guid.CreateVersion7());
        using var w = _bus.Attach(wanting);
        using var n = _bus.Attach(notWanting);
        var album = AlbumChange();

        await PublishAsync(album);

        Assert.Equal([album], wanting.Received);
        Assert.Empty(notWanting.Received);
    }

    [Fact]
    public async Task ReindexingFollowsTheSinksNewUser()
    {
        var (alice, bob) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var sink = new RecordingSink(alice);
        using var attachment = _bus.Attach(sink);
        sink.UserId = bob;
        _bus.Reindex(sink);
        var forBob = NotificationFor(bob);

        await PublishAsync(NotificationFor(alice), forBob);

        Assert.Equal([forBob], sink.Received);
    }

    [Fact]
    public async Task DetachingStopsDeliveryAndEmptiesTheBus()
    {
        var user = Guid.CreateVersion7();
        var sink = new RecordingSink(user, wantsCatalog: true);
        var attachment = _bus.Attach(sink);
        Assert.Equal(1, _bus.SinkCount);

        attachment.Dispose();
        attachment.Dispose();
        await PublishAsync(NotificationFor(user), AlbumChange());

        Assert.Equal(0, _bus.SinkCount);
        Assert.Empty(sink.Received);
    }

    [Fact]
    public async Task DetachingOneTabKeepsTheUsersOtherTab()
    {
        var user = Guid.CreateVersion7();
        var closed = new RecordingSink(user);
        var open = new RecordingSink(user);
        _bus.Attach(closed).Dispose();
        using var attachment = _bus.Attach(open);

        await PublishAsync(NotificationFor(user));

        Assert.Single(open.Received);
        Assert.Empty(closed.Received);
    }

    [Fact]
    public async Task ASinkThatThrowsDoesNotStopLaterBatches()
    {
        var broken = new RecordingSink(null, wantsCatalog: true) { ThrowsOnce = true };
        var healthy = new RecordingSink(null, wantsCatalog: true);
        using var b = _bus.Attach(broken);
        using var h = _bus.Attach(healthy);
        var later = AlbumChange();

        _bus.Publish([AlbumChange()]);
        _bus.Publish([later]);

        await Eventually.TrueAsync(() => healthy.Received.Contains(later), "the batch after the failure was routed");
        Assert.Contains(later, broken.Received);
    }

    [Fact]
    public async Task ASinkThatThrowsDoesNotCostTheOthersTheSameBatchAndIsToldToResync()
    {
        var brokenSinks = Enumerable.Range(0, 3).Select(_ => new RecordingSink(null, wantsCatalog: true) { ThrowsOnce = true }).ToList();
        var healthy = new RecordingSink(null, wantsCatalog: true);
        var attachments = brokenSinks.Select(_bus.Attach).Append(_bus.Attach(healthy)).ToList();
        var change = AlbumChange();

        await PublishAsync(change);

        Assert.Equal([change], healthy.Received);
        Assert.All(brokenSinks, sink => Assert.Equal(1, sink.Resyncs));
        attachments.ForEach(a => a.Dispose());
    }

    [Fact]
    public async Task AnOverloadedBusDropsTheOldestBatchesAndAsksEverySinkToResync()
    {
        using var gate = new ManualResetEventSlim();
        var blocking = new RecordingSink(null, wantsCatalog: true) { Gate = gate };
        var other = new RecordingSink(Guid.CreateVersion7());
        using var b = _bus.Attach(blocking);
        using var o = _bus.Attach(other);
        _bus.Publish([AlbumChange()]);
        await Eventually.TrueAsync(() => blocking.Entered, "the dispatch loop is stuck in the blocking sink");

        for (var i = 0; i < ChangeBus.InboundCapacity + 3; i++)
        {
            _bus.Publish([AlbumChange()]);
        }

        gate.Set();
        Assert.Equal(3, _bus.DroppedBatches);
        Assert.True(other.Resyncs >= 1);
        await Eventually.TrueAsync(() => blocking.Received.Count == ChangeBus.InboundCapacity + 1, "the remaining batches were routed");
    }

    [Fact]
    public async Task PublishingAfterDisposalIsHarmless()
    {
        await _bus.DisposeAsync();

        _bus.Publish([AlbumChange()]);
    }

    [Fact]
    public void AnEmptyBatchIsNotQueued()
    {
        _bus.Publish([]);
        Assert.Equal(0, Volatile.Read(ref _dispatched));
    }

    [Fact]
    public async Task AnAlbumsNewNotificationsReachTheRecipientsWhoAreOnlineAndNoOneElse()
    {
        var (alice, bob, offline, stranger) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var album = Guid.CreateVersion7();
        _recipients.ByAlbum[album] = [alice, bob, offline];
        var (aliceSink, bobSink, strangerSink) = (new RecordingSink(alice), new RecordingSink(bob), new RecordingSink(stranger, wantsCatalog: true));
        using var a = _bus.Attach(aliceSink);
        using var b = _bus.Attach(bobSink);
        using var s = _bus.Attach(strangerSink);

        await PublishAsync(ChangeEvent.NotificationsCreatedFor(album, actorId: null));

        Assert.Equal([ChangeEvent.NotificationsCreatedFor(album, null) with { RecipientUserId = alice }], aliceSink.Received);
        Assert.Equal([ChangeEvent.NotificationsCreatedFor(album, null) with { RecipientUserId = bob }], bobSink.Received);
        Assert.Empty(strangerSink.Received);
    }

    [Fact]
    public async Task WhenRecipientsCannotBeReadEverySinkIsToldToResync()
    {
        _recipients.Fault = new InvalidOperationException("database unavailable");
        var sink = new RecordingSink(Guid.CreateVersion7());
        using var attached = _bus.Attach(sink);

        _bus.Publish([ChangeEvent.NotificationsCreatedFor(Guid.CreateVersion7(), actorId: null)]);

        await Eventually.TrueAsync(() => sink.Resyncs == 1, "the sink was told to resync");
        Assert.Empty(sink.Received);
    }

    private sealed class RecordingSink(Guid? userId, bool wantsCatalog = false) : IChangeSink
    {
        private readonly ConcurrentQueue<ChangeEvent> _received = new();
        private int _resyncs;

        public Guid? UserId { get; set; } = userId;
        public bool WantsCatalogChanges => wantsCatalog;
        public bool ThrowsOnce { get; set; }
        public ManualResetEventSlim? Gate { get; init; }
        public volatile bool Entered;
        public IReadOnlyList<ChangeEvent> Received => _received.ToArray();
        public int Resyncs => Volatile.Read(ref _resyncs);

        public void Offer(ChangeEvent change)
        {
            Entered = true;
            Gate?.Wait();
            if (ThrowsOnce)
            {
                ThrowsOnce = false;
                throw new InvalidOperationException("broken sink");
            }

            _received.Enqueue(change);
        }

        public void ResyncRequired() => Interlocked.Increment(ref _resyncs);
    }
}
