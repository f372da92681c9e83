using Microsoft.EntityFrameworkCore;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Common;
using MusicBlazor.Tests.Infrastructure;
using MusicBlazor.Tests.Infrastructure.Providers;

namespace MusicBlazor.Tests.Catalog;

public sealed class FollowServiceTests : DatabaseTest
{
    private Actor _fan = null!;
    private Actor _otherFan = null!;
    private Guid _artist;
    private Guid _otherArtist;

    protected override async Task ArrangeAsync()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        _fan = await App.CreateUserAsync();
        _otherFan = await App.CreateUserAsync();
        _artist = await App.CreateArtistAsync(admin, "Nina");
        _otherArtist = await App.CreateArtistAsync(admin, "Other");
    }

    private async Task<List<(Guid Artist, Guid User)>> FollowsAsync()
    {
        await using var db = await App.OpenDbAsync();
        return (await db.ArtistFollowers.ToListAsync()).Select(f => (f.ArtistId, f.UserId)).Order().ToList();
    }

    private async Task<int> FollowerCountAsync(Guid artist)
    {
        await using var db = await App.OpenDbAsync();
        return await db.Artists.Where(a => a.Id == artist).Select(a => a.FollowerCount).SingleAsync();
    }

    [DatabaseFact]
    public async Task FollowingAddsOneRowAndCountsTheFollower()
    {
        await App.As<FollowService>(_fan).FollowAsync(_artist);

        Assert.Equal([(_artist, _fan.UserId!.Value)], await FollowsAsync());
        Assert.Equal(1, await FollowerCountAsync(_artist));
        Assert.Equal(0, await FollowerCountAsync(_otherArtist));
    }

    [DatabaseFact]
    public async Task FollowingTwiceKeepsOneRowAndPublishesNothingTheSecondTime()
    {
        var follows = App.As<FollowService>(_fan);
        await follows.FollowAsync(_artist);
        await App.DeliverAsync();
        App.Published.Clear();

        await follows.FollowAsync(_artist);

        Assert.Equal([(_artist, _fan.UserId!.Value)], await FollowsAsync());
        Assert.Equal(1, await FollowerCountAsync(_artist));
        await App.DeliverAsync();
        Assert.Empty(App.Published.Batches);
    }

    [DatabaseFact]
    public async Task FollowingStampsTheClock()
    {
        await App.As<FollowService>(_fan).FollowAsync(_artist);

        await using var db = await App.OpenDbAsync();
        Assert.Equal(App.Clock.GetUtcNow().UtcDateTime, (await db.ArtistFollowers.SingleAsync()).CreatedAt);
    }

    [DatabaseFact]
    public async Task UnfollowingRemovesOnlyThatUsersFollowOfThatArtist()
    {
        await App.FollowAsync(_fan, _artist);
        await App.FollowAsync(_fan, _otherArtist);
        await App.FollowAsync(_otherFan, _artist);

        await App.As<FollowService>(_fan).UnfollowAsync(_artist);

        Assert.Equal(
            new[] { (_artist, _otherFan.UserId!.Value), (_otherArtist, _fan.UserId!.Value) }.Order(),
            await FollowsAsync());
        Assert.Equal(1, await FollowerCountAsync(_artist));
        Assert.Equal(1, await FollowerCountAsync(_otherArtist));
    }

    [DatabaseFact]
    public async Task UnfollowingAnArtistNotFollowedChangesNothing()
    {
        await App.FollowAsync(_otherFan, _artist);
        await App.DeliverAsync();
        App.Published.Clear();
        var before = DatabaseSnapshot.Take(App);

        await App.As<FollowService>(_fan).UnfollowAsync(_artist);
        await App.As<FollowService>(_fan).UnfollowAsync(_artist);

        Assert.Equal(before, DatabaseSnapshot.Take(App));
        await App.DeliverAsync();
        Assert.Empty(App.Published.Batches);
    }

    [DatabaseFact]
    public async Task FollowingAMissingArtistIsNotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => App.As<FollowService>(_fan).FollowAsync(Guid.CreateVersion7()));
        Assert.Empty(await FollowsAsync());
    }

    [DatabaseFact]
    public async Task AnonymousVisitorsCannotFollowOrUnfollow()
    {
        await App.FollowAsync(_fan, _artist);
        var before = DatabaseSnapshot.Take(App);
        var follows = App.As<FollowService>(Actor.Anonymous);

        await Assert.ThrowsAsync<ForbiddenException>(() => follows.FollowAsync(_artist));
        await Assert.ThrowsAsync<ForbiddenException>(() => follows.UnfollowAsync(_artist));

        Assert.Equal(before, DatabaseSnapshot.Take(App));
    }
}
