using Microsoft.EntityFrameworkCore;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Notifications;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Tests.Infrastructure;
using MusicBlazor.Tests.Infrastructure.Providers;

namespace MusicBlazor.Tests.Notifications;

public sealed class NotificationWriterTests : DatabaseTest
{
    private Actor _admin = null!;
    private Actor _editor = null!;
    private Actor _fan = null!;
    private Actor _otherFan = null!;
    private Actor _stranger = null!;
    private Guid _artist;

    protected override async Task ArrangeAsync()
    {
        _admin = await App.CreateUserAsync(Roles.Admin);
        _editor = await App.CreateUserAsync(Roles.Editor);
        _fan = await App.CreateUserAsync();
        _otherFan = await App.CreateUserAsync();
        _stranger = await App.CreateUserAsync();
        _artist = await App.CreateArtistAsync(_admin, "Nina");
        var otherArtist = await App.CreateArtistAsync(_admin, "Other");
        await App.FollowAsync(_fan, _artist);
        await App.FollowAsync(_otherFan, _artist);
        await App.FollowAsync(_editor, _artist);
        await App.FollowAsync(_stranger, otherArtist);
    }

    private async Task<List<Guid>> RecipientsAsync(Guid album)
    {
        await using var db = await App.OpenDbAsync();
        return (await db.Notifications.Where(n => n.AlbumId == album).Select(n => n.UserId).ToListAsync()).Order().ToList();
    }

    private List<Guid> Ids(params Actor[] actors) => actors.Select(a => a.UserId!.Value).Order().ToList();

    [DatabaseFact]
    public async Task WritesOneRowPerFollowerExceptTheCreatorInOneCommandAndLogsTheAlbumOnce()
    {
        await using var db = await App.OpenDbAsync(_editor);
        var album = new Album { ArtistId = _artist, Name = "Live", YearReleased = 2000 };
        db.Albums.Add(album);
        await db.SaveChangesAsync();
        var head = await App.LogHeadAsync();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        using (var commands = App.Commands.Start())
        {
            await NotificationWriter.WriteForNewAlbumAsync(db, album, album.CreatedAt);
            Assert.Contains("INSERT INTO \"Notifications\"", Assert.Single(commands.Commands));
            await transaction.CommitAsync();
        }

        Assert.Equal(Ids(_fan, _otherFan), await RecipientsAsync(album.Id));
        var logged = Assert.Single(await App.LoggedAfterAsync(head));
        Assert.True(logged.IsNotificationsCreatedForAlbum);
        Assert.Equal((album.Id, _artist, _editor.UserId), (logged.Id, logged.ArtistId!.Value, logged.ActorId));
    }

    [DatabaseFact]
    public async Task WithoutATransactionEachNotificationIsLoggedByTheTrigger()
    {
        await using var db = await App.OpenDbAsync(_editor);
        var album = new Album { ArtistId = _artist, Name = "Live", YearReleased = 2000 };
        db.Albums.Add(album);
        await db.SaveChangesAsync();
        var head = await App.LogHeadAsync();

        await NotificationWriter.WriteForNewAlbumAsync(db, album, album.CreatedAt);

        var logged = await App.LoggedAfterAsync(head);
        Assert.Equal(Ids(_fan, _otherFan), logged.Select(e => e.UserId!.Value).Order());
        Assert.All(logged, e => Assert.Equal((ChangeOperation.Created, EntityKind.Notification, album.Id), (e.Operation, e.Entity, e.Id)));
    }

    [DatabaseFact]
    public async Task CreatingAnAlbumNotifiesFollowersOnly()
    {
        var album = await App.CreateAlbumAsync(_editor, _artist, "Live");

        Assert.Equal(Ids(_fan, _otherFan), await RecipientsAsync(album));
    }

    [DatabaseFact]
    public async Task AnAdminWhoFollowsIsNotNotifiedOfTheirOwnAlbum()
    {
        await App.FollowAsync(_admin, _artist);

        var album = await App.CreateAlbumAsync(_admin, _artist, "Live");

        Assert.Equal(Ids(_fan, _otherFan, _editor), await RecipientsAsync(album));
    }

    [DatabaseFact]
    public async Task NotificationsAreStampedWithTheAlbumsCreationTime()
    {
        var album = await App.CreateAlbumAsync(_editor, _artist, "Live");

        await using var db = await App.OpenDbAsync();
        Assert.All(await db.Notifications.ToListAsync(), n => Assert.Equal(App.Clock.GetUtcNow().UtcDateTime, n.CreatedAt));
        Assert.Equal(album, (await db.Notifications.FirstAsync()).AlbumId);
    }

    [DatabaseFact]
    public async Task TheAlbumAndItsNotificationsArePublishedTogetherAfterTheCommit()
    {
        App.Published.Probe = () => (DatabaseSnapshot.Count(App, "Albums"), DatabaseSnapshot.Count(App, "Notifications"));

        var album = await App.CreateAlbumAsync(_editor, _artist, "Live");
        await App.DeliverAsync();

        var batch = Assert.Single(App.Published.Batches);
        Assert.Equal((1L, 2L), batch.Probed);
        Assert.Contains(batch.Changes, c => c is { Entity: EntityKind.Album, Operation: ChangeOperation.Created } && c.Id == album);
        var notifications = Assert.Single(batch.Changes, c => c.Entity == EntityKind.Notification);
        Assert.True(notifications.IsNotificationsCreatedForAlbum);
        Assert.Equal((album, _editor.UserId), (notifications.Id, notifications.ActorId));
        Assert.Equal(batch.Changes.Select(c => c.Sequence).Order(), batch.Changes.Select(c => c.Sequence));
    }

    [DatabaseFact]
    public async Task AFailedAlbumCreateWritesAndPublishesNoNotifications()
    {
        await App.CreateAlbumAsync(_editor, _artist, "Live");
        await App.DeliverAsync();
        App.Published.Clear();
        var before = DatabaseSnapshot.Take(App);

        await Assert.ThrowsAsync<MusicBlazor.Common.ValidationFailedException>(() => App.CreateAlbumAsync(_editor, _artist, "Live"));
        await App.DeliverAsync();

        Assert.Equal(before, DatabaseSnapshot.Take(App));
        await App.DeliverAsync();
        Assert.Empty(App.Published.Batches);
    }

    [DatabaseFact]
    public async Task DeletingForAlbumsRemovesOnlyTheirNotifications()
    {
        var doomed = await App.CreateAlbumAsync(_editor, _artist, "Doomed");
        var kept = await App.CreateAlbumAsync(_editor, _artist, "Kept");
        await App.DeliverAsync();
        App.Published.Clear();

        await using (var db = await App.OpenDbAsync(_admin))
        {
            Assert.Equal(2, await NotificationWriter.DeleteForAlbumsAsync(db, [doomed]));
        }

        await App.DeliverAsync();

        Assert.Empty(await RecipientsAsync(doomed));
        Assert.Equal(Ids(_fan, _otherFan), await RecipientsAsync(kept));
        Assert.Equal(
            Ids(_fan, _otherFan),
            App.Published.Events.Where(e => e.Operation == ChangeOperation.Deleted && e.Id == doomed).Select(e => e.UserId!.Value).Order());
    }
}
