using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Notifications;
using MusicBlazor.Notifications.Changes;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Notifications;

/// <summary>What the published events say: operation, entity kind, id, actor, and the recipient or artist they concern.</summary>
public sealed class ChangeCaptureInterceptorTests : DatabaseTest
{
    private Actor _admin = null!;
    private Actor _editor = null!;
    private Actor _fan = null!;
    private Guid _artist;

    protected override async Task ArrangeAsync()
    {
        _admin = await App.CreateUserAsync(Roles.Admin);
        _editor = await App.CreateUserAsync(Roles.Editor);
        _fan = await App.CreateUserAsync();
        _artist = await App.CreateArtistAsync(_admin, "Nina");
        await App.FollowAsync(_fan, _artist);
    }

    [Fact]
    public async Task ArtistChangesCarryTheirIdAndActor()
    {
        var id = await App.CreateArtistAsync(_admin, "New");
        await App.As<ArtistService>(_editor).UpdateAsync(id, new ArtistInput { Name = "Renamed" });
        await App.As<ArtistService>(_admin).DeleteAsync(id);

        Assert.Equal(
            [
                new ChangeEvent(ChangeOperation.Created, EntityKind.Artist, id, _admin.UserId),
                new ChangeEvent(ChangeOperation.Updated, EntityKind.Artist, id, _editor.UserId),
                new ChangeEvent(ChangeOperation.Deleted, EntityKind.Artist, id, _admin.UserId),
            ],
            App.Published.Events);
    }

    [Fact]
    public async Task CreatingAnAlbumPublishesTheAlbumItsTracksTheNotificationsAndTheArtistTogether()
    {
        var album = await App.CreateAlbumAsync(_editor, _artist, "Live", 2000, ("One", "1:00"), ("Two", "2:00"));

        await using var db = await App.OpenDbAsync();
        var tracks = await db.Tracks.OrderBy(t => t.Order).Select(t => t.Id).ToListAsync();
        var batch = Assert.Single(App.Published.Batches);
        Assert.Equal(
            new[]
            {
                new ChangeEvent(ChangeOperation.Created, EntityKind.Album, album, _editor.UserId, ArtistId: _artist),
                new ChangeEvent(ChangeOperation.Created, EntityKind.Track, tracks[0], _editor.UserId, ArtistId: _artist),
                new ChangeEvent(ChangeOperation.Created, EntityKind.Track, tracks[1], _editor.UserId, ArtistId: _artist),
                ChangeEvent.NotificationsCreatedFor(album, _editor.UserId),
                new ChangeEvent(ChangeOperation.Updated, EntityKind.Artist, _artist, _editor.UserId),
            }.OrderBy(e => e.ToString()),
            batch.Changes.OrderBy(e => e.ToString()));
    }

    [Fact]
    public async Task DeletingAnAlbumPublishesItsTracksAndNotificationsWithTheirArtist()
    {
        var album = await App.CreateAlbumAsync(_editor, _artist, "Live", 2000, ("One", "1:00"));
        App.Published.Clear();

        await App.As<AlbumService>(_editor).DeleteAsync(album);

        var changes = Assert.Single(App.Published.Batches).Changes;
        Assert.Contains(new ChangeEvent(ChangeOperation.Deleted, EntityKind.Album, album, _editor.UserId, ArtistId: _artist), changes);
        Assert.Contains(new ChangeEvent(ChangeOperation.Deleted, EntityKind.Notification, album, _editor.UserId, RecipientUserId: _fan.UserId), changes);
        var track = Assert.Single(changes, c => c.Entity == EntityKind.Track);
        Assert.Equal((ChangeOperation.Deleted, _artist), (track.Operation, track.ArtistId));
    }

    [Fact]
    public async Task FollowEventsAreIdentifiedByTheFollowerAndCarryTheArtist()
    {
        var other = await App.CreateUserAsync();
        App.Published.Clear();

        await App.FollowAsync(other, _artist);

        Assert.Equal(
            [
                new ChangeEvent(ChangeOperation.Created, EntityKind.Follow, other.UserId!.Value, other.UserId, ArtistId: _artist),
                new ChangeEvent(ChangeOperation.Updated, EntityKind.Artist, _artist, other.UserId),
            ],
            Assert.Single(App.Published.Batches).Changes);
    }

    [Fact]
    public async Task DismissingANotificationNamesItsRecipient()
    {
        var album = await App.CreateAlbumAsync(_editor, _artist, "Live");
        App.Published.Clear();

        await App.As<NotificationInbox>(_fan).DismissAsync(album);

        Assert.Equal(
            [new ChangeEvent(ChangeOperation.Deleted, EntityKind.Notification, album, _fan.UserId, RecipientUserId: _fan.UserId)],
            App.Published.Events);
    }

    [Fact]
    public async Task AccountChangesAreAddressedToThatUser()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(_fan.UserId.ToString()!))!;

        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);

        var change = Assert.Single(App.Published.Events);
        Assert.Equal((ChangeOperation.Updated, EntityKind.User, _fan.UserId, _fan.UserId), (change.Operation, change.Entity, change.Id, change.RecipientUserId));
    }
}
