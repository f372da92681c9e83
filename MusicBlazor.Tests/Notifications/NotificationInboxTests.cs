using Microsoft.EntityFrameworkCore;
using MusicBlazor.Accounts;
using MusicBlazor.Common;
using MusicBlazor.Notifications;
using MusicBlazor.Tests.Infrastructure;
using MusicBlazor.Tests.Infrastructure.Providers;

namespace MusicBlazor.Tests.Notifications;

public sealed class NotificationInboxTests : DatabaseTest
{
    private Actor _admin = null!;
    private Actor _creator = null!;
    private Actor _otherEditor = null!;
    private Actor _fan = null!;
    private Actor _otherFan = null!;
    private Guid _artist;
    private Guid _older;
    private Guid _newer;

    protected override async Task ArrangeAsync()
    {
        _admin = await App.CreateUserAsync(Roles.Admin);
        _creator = await App.CreateUserAsync(Roles.Editor);
        _otherEditor = await App.CreateUserAsync(Roles.Editor);
        _fan = await App.CreateUserAsync();
        _otherFan = await App.CreateUserAsync();
        _artist = await App.CreateArtistAsync(_admin, "Nina");
        await App.FollowAsync(_fan, _artist);
        await App.FollowAsync(_otherFan, _artist);
        _older = await App.CreateAlbumAsync(_creator, _artist, "Older", 1999);
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        _newer = await App.CreateAlbumAsync(_creator, _artist, "Newer", 1990);
    }

    private async Task<List<(Guid User, Guid Album)>> NotificationsAsync()
    {
        await using var db = await App.OpenDbAsync();
        return (await db.Notifications.ToListAsync()).Select(n => (n.UserId, n.AlbumId)).Order().ToList();
    }

    private List<(Guid, Guid)> Without(List<(Guid User, Guid Album)> all, Actor user, Guid album) =>
        all.Where(n => n != (user.UserId!.Value, album)).ToList();

    [DatabaseFact]
    public async Task ListsOnlyMyNotificationsNewestFirst()
    {
        await App.As<NotificationInbox>(_otherFan).DismissAsync(_newer);

        var mine = (await App.As<NotificationInbox>(_fan).ListMineAsync()).Value;
        var theirs = (await App.As<NotificationInbox>(_otherFan).ListMineAsync()).Value;

        Assert.Equal([_newer, _older], mine.Select(n => n.AlbumId));
        Assert.Equal(("Newer", 1990, _artist, "Nina"), (mine[0].AlbumName, mine[0].YearReleased, mine[0].ArtistId, mine[0].ArtistName));
        Assert.Equal([_older], theirs.Select(n => n.AlbumId));
    }

    [DatabaseFact]
    public async Task AnonymousVisitorsHaveNoNotifications() =>
        Assert.Empty((await App.As<NotificationInbox>(Actor.Anonymous).ListMineAsync()).Value);

    [DatabaseFact]
    public async Task DismissingRemovesOnlyMyNotificationForThatAlbum()
    {
        var before = await NotificationsAsync();

        await App.As<NotificationInbox>(_fan).DismissAsync(_older);

        Assert.Equal(Without(before, _fan, _older), await NotificationsAsync());
    }

    [DatabaseFact]
    public async Task DismissingAllRemovesOnlyMine()
    {
        await App.As<NotificationInbox>(_fan).DismissAllAsync();

        Assert.Equal(
            new[] { (_otherFan.UserId!.Value, _older), (_otherFan.UserId!.Value, _newer) }.Order(),
            await NotificationsAsync());
    }

    [DatabaseFact]
    public async Task AnonymousVisitorsCannotDismiss()
    {
        var inbox = App.As<NotificationInbox>(Actor.Anonymous);

        await Assert.ThrowsAsync<ForbiddenException>(() => inbox.DismissAsync(_older));
        await Assert.ThrowsAsync<ForbiddenException>(() => inbox.DismissAllAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => inbox.DeleteAsync(_fan.UserId!.Value, _older));
    }

    [DatabaseFact]
    public async Task DeletingMyOwnNotificationByRecipientIsAllowed()
    {
        var before = await NotificationsAsync();

        await App.As<NotificationInbox>(_fan).DeleteAsync(_fan.UserId!.Value, _older);

        Assert.Equal(Without(before, _fan, _older), await NotificationsAsync());
    }

    [DatabaseTheory]
    [InlineData("otherFan")]
    [InlineData("otherEditor")]
    public async Task DeletingAnotherUsersNotificationIsRefused(string who)
    {
        var actor = who == "otherFan" ? _otherFan : _otherEditor;
        var before = DatabaseSnapshot.Take(App);

        await Assert.ThrowsAsync<ForbiddenException>(() => App.As<NotificationInbox>(actor).DeleteAsync(_fan.UserId!.Value, _older));

        Assert.Equal(before, DatabaseSnapshot.Take(App));
        await App.DeliverAsync();
        Assert.Empty(App.Published.Batches);
    }

    [DatabaseTheory]
    [InlineData("admin")]
    [InlineData("creator")]
    public async Task AdminsAndTheAlbumsCreatorMayDeleteAnotherUsersNotification(string who)
    {
        var actor = who == "admin" ? _admin : _creator;
        var before = await NotificationsAsync();

        await App.As<NotificationInbox>(actor).DeleteAsync(_fan.UserId!.Value, _older);

        Assert.Equal(Without(before, _fan, _older), await NotificationsAsync());
    }
}
