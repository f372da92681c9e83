using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Notifications.Bus;
using MusicBlazor.Tests.Infrastructure;
using MusicBlazor.Tests.Infrastructure.Providers;

namespace MusicBlazor.Tests.Notifications;

/// <summary>Per-record routing: a change reaches the subscribers of its topics, and no one else.</summary>
public sealed class ChangeBusTests : DatabaseTest
{
    private Actor _admin = null!;

    protected override async Task ArrangeAsync() => _admin = await App.CreateUserAsync(Roles.Admin);

    [DatabaseFact]
    public async Task AnEditToOneArtistReachesOnlyThePagesShowingItAmongAThousand()
    {
        var created = Enumerable.Range(0, 1000).Select(i => Artist.Create($"Artist {i:0000}")).ToList();
        var artists = created.Select(a => a.Id).ToList();
        await using (var db = await App.OpenDbAsync(_admin))
        {
            db.Artists.AddRange(created);
            await db.SaveChangesAsync();
        }

        await App.DeliverAsync();
        var circuits = new List<TestCircuit>();
        var pages = new List<DeliveryLog>();
        foreach (var artist in artists)
        {
            var circuit = new TestCircuit(App, Actor.Anonymous);
            circuits.Add(circuit);
            pages.Add(circuit.Subscribe(Topic.Artist(artist)).Log);
        }

        var edited = artists[500];
        var deliveriesBefore = App.Bus.Deliveries;
        await App.As<ArtistService>(_admin).UpdateAsync(edited, new ArtistInput { Name = "Renamed" });
        await App.DeliverAsync();
        await pages[500].WaitUntilAsync(l => l.Changes.Count == 1, "the edited artist's page got the change");

        Assert.Equal(1, App.Bus.Deliveries - deliveriesBefore);
        Assert.Equal([500], pages.Select((log, i) => (log, i)).Where(p => p.log.Changes.Count > 0).Select(p => p.i));
        Assert.Equal((ChangeOperation.Updated, EntityKind.Artist, edited), (pages[500].Changes[0].Operation, pages[500].Changes[0].Entity, pages[500].Changes[0].Id));
        foreach (var circuit in circuits)
        {
            await circuit.DisposeAsync();
        }

        Assert.Equal(0, App.Bus.SinkCount);
    }

    [DatabaseTheory]
    [InlineData(EntityKind.Artist, "Catalog Audited Artist ArtistList")]
    [InlineData(EntityKind.Album, "Catalog Audited Album Artist")]
    [InlineData(EntityKind.Track, "Catalog Audited Album Artist")]
    [InlineData(EntityKind.Follow, "Audited Artist")]
    [InlineData(EntityKind.User, "Audited Account")]
    public void EachChangeBelongsToTheTopicsOfWhatShowsIt(EntityKind entity, string topics)
    {
        var id = Guid.NewGuid();
        var artist = Guid.NewGuid();
        var album = Guid.NewGuid();
        var change = new ChangeEvent(1, ChangeOperation.Updated, entity, id, ArtistId: artist, AlbumId: entity == EntityKind.Album ? id : album);

        var kinds = Topic.Of(change).Select(t => t.Kind.ToString());

        Assert.Equal(topics, string.Join(" ", kinds));
    }

    [DatabaseFact]
    public void AnAlbumsNotificationsBelongToNoTopicUntilTheBusNamesTheirRecipients()
    {
        var created = new ChangeEvent(1, ChangeOperation.Created, EntityKind.Notification, Guid.NewGuid());
        var recipient = Guid.NewGuid();

        Assert.Empty(Topic.Of(created));
        Assert.Equal([Topic.Notifications(recipient)], Topic.Of(created with { UserId = recipient }));
    }

    [DatabaseFact]
    public async Task AnAlbumsNotificationsReachOnlyItsRecipientsWhoAreOnline()
    {
        var editor = await App.CreateUserAsync(Roles.Editor);
        var fan = await App.CreateUserAsync();
        var offlineFan = await App.CreateUserAsync();
        var stranger = await App.CreateUserAsync();
        var artist = await App.CreateArtistAsync(_admin, "Nina");
        await App.FollowAsync(fan, artist);
        await App.FollowAsync(offlineFan, artist);
        await App.DeliverAsync();
        await using var fanCircuit = new TestCircuit(App, fan);
        await using var strangerCircuit = new TestCircuit(App, stranger);
        var (fanLog, _) = await fanCircuit.SubscribeToNotificationsAsync();
        var (strangerLog, _) = await strangerCircuit.SubscribeToNotificationsAsync();

        var album = await App.CreateAlbumAsync(editor, artist, "Live");
        await fanCircuit.SyncAsync();
        await strangerCircuit.SyncAsync();

        var delivered = Assert.Single(fanLog.Changes);
        Assert.Equal((EntityKind.Notification, album, fan.UserId), (delivered.Entity, delivered.Id, delivered.UserId));
        Assert.Empty(strangerLog.Changes);
    }

    [DatabaseFact]
    public async Task ChangesArriveInSequenceOrder()
    {
        await using var circuit = new TestCircuit(App, Actor.Anonymous);
        var (list, _) = circuit.Subscribe(Topic.ArtistList);
        for (var i = 0; i < 20; i++)
        {
            await App.CreateArtistAsync(_admin, $"Artist {i}");
        }

        await circuit.SyncAsync();

        var sequences = list.Changes.Select(c => c.Sequence).ToList();
        Assert.True(sequences.Count >= 20);
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Distinct(), sequences);
    }
}
