using Microsoft.EntityFrameworkCore;
using MusicBlazor.Accounts;
using MusicBlazor.Common;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Tests.Infrastructure;
using MusicBlazor.Tests.Infrastructure.Providers;

namespace MusicBlazor.Tests.Accounts;

public sealed class AccountDeletionTests : DatabaseTest
{
    private Actor _admin = null!;
    private Actor _doomed = null!;
    private Actor _survivor = null!;
    private Guid _first;
    private Guid _second;
    private Guid _album;

    protected override async Task ArrangeAsync()
    {
        _admin = await App.CreateUserAsync(Roles.Admin);
        _doomed = await App.CreateUserAsync(Roles.Editor);
        _survivor = await App.CreateUserAsync();
        _first = await App.CreateArtistAsync(_admin, "First");
        _second = await App.CreateArtistAsync(_admin, "Second");
        foreach (var user in new[] { _doomed, _survivor })
        {
            await App.FollowAsync(user, _first);
        }

        await App.FollowAsync(_doomed, _second);
        _album = await App.CreateAlbumAsync(_admin, _first, "Live");
    }

    [DatabaseFact]
    public async Task DeletesTheUserWithTheirFollowsAndNotificationsAndRefreshesFollowerCounts()
    {
        await AccountDeletion.DeleteAsync(App.DbFactory, _admin, _doomed.UserId!.Value);

        await using var db = await App.OpenDbAsync();
        Assert.False(await db.Users.AnyAsync(u => u.Id == _doomed.UserId));
        Assert.Equal([(_first, _survivor.UserId!.Value)], (await db.ArtistFollowers.ToListAsync()).Select(f => (f.ArtistId, f.UserId)));
        Assert.Equal([_survivor.UserId!.Value], await db.Notifications.Select(n => n.UserId).ToListAsync());
        Assert.Equal(
            [("First", 1), ("Second", 0)],
            (await db.Artists.OrderBy(a => a.Name).ToListAsync()).Select(a => (a.Name, a.FollowerCount)));
    }

    [DatabaseFact]
    public async Task KeepsTheCatalogTheUserCreated()
    {
        var own = await App.CreateAlbumAsync(_doomed, _second, "Theirs");

        await AccountDeletion.DeleteAsync(App.DbFactory, _admin, _doomed.UserId!.Value);

        await using var db = await App.OpenDbAsync();
        var album = await db.Albums.SingleAsync(a => a.Id == own);
        Assert.Equal((null, null), (album.CreatedById, album.UpdatedById));
    }

    [DatabaseFact]
    public async Task PublishesEveryRemovalOnceAfterTheCommit()
    {
        App.Published.Probe = () => DatabaseSnapshot.Count(App, "AspNetUsers");
        var users = DatabaseSnapshot.Count(App, "AspNetUsers");

        await AccountDeletion.DeleteAsync(App.DbFactory, _admin, _doomed.UserId!.Value);
        await App.DeliverAsync();

        var batch = Assert.Single(App.Published.Batches);
        Assert.Equal(users - 1, batch.Probed);
        var doomed = _doomed.UserId!.Value;
        var keys = batch.Changes.Select(c => (c.Operation, c.Entity, c.Id, c.UserId, c.ActorId)).ToList();
        Assert.Single(keys, k => k == (ChangeOperation.Deleted, EntityKind.User, doomed, doomed, _admin.UserId));
        Assert.Single(keys, k => k == (ChangeOperation.Deleted, EntityKind.Notification, _album, doomed, _admin.UserId));
        Assert.Equal(
            new[] { _first, _second }.Order(),
            batch.Changes.Where(c => c.Entity == EntityKind.Follow).Select(c => c.ArtistId!.Value).Order());
    }

    [DatabaseFact]
    public async Task AMissingAccountIsNotFound() =>
        await Assert.ThrowsAsync<NotFoundException>(() => AccountDeletion.DeleteAsync(App.DbFactory, _admin, Guid.CreateVersion7()));
}
