using MusicBlazor.Common;
using Microsoft.EntityFrameworkCore;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Data;
using MusicBlazor.Notifications;
using MusicBlazor.Notifications.Changes;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Notifications;

/// <summary>The change pipeline on real SQLite: captured changes reach the publisher once, and only after they commit.</summary>
public sealed class CommitGateTests : DatabaseTest
{
    private Actor _admin = null!;

    protected override async Task ArrangeAsync()
    {
        _admin = await App.CreateUserAsync(Roles.Admin);
        App.Published.Probe = () => DatabaseSnapshot.Count(App, "Artists");
    }

    private async Task<Artist> AddArtistAsync(MusicDbContext db, string name)
    {
        var artist = Artist.Create(name);
        db.Artists.Add(artist);
        await db.SaveChangesAsync();
        return artist;
    }

    private Task<MusicDbContext> OpenAsync() => App.OpenDbAsync(_admin);

    private static List<Guid> Ids(PublishedBatch batch) => batch.Changes.Select(c => c.Id).ToList();

    [Fact]
    public async Task ASaveWithoutTransactionPublishesOnceAfterItIsStored()
    {
        await using var db = await OpenAsync();

        var artist = await AddArtistAsync(db, "Nina");

        var batch = Assert.Single(App.Published.Batches);
        Assert.Equal([new ChangeEvent(ChangeOperation.Created, EntityKind.Artist, artist.Id, _admin.UserId)], batch.Changes);
        Assert.Equal(1L, batch.Probed);
    }

    [Fact]
    public async Task ASaveOfSeveralRowsPublishesThemTogetherAfterTheImplicitTransactionCommits()
    {
        await using var db = await OpenAsync();
        var first = Artist.Create("One");
        var second = Artist.Create("Two");
        db.Artists.AddRange(first, second);

        await db.SaveChangesAsync();

        var batch = Assert.Single(App.Published.Batches);
        Assert.Equal(new[] { first.Id, second.Id }.Order(), Ids(batch).Order());
        Assert.Equal(2L, batch.Probed);
    }

    [Fact]
    public async Task InsideATransactionNothingIsPublishedUntilCommitThenEverythingOnce()
    {
        await using var db = await OpenAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var first = await AddArtistAsync(db, "One");
        var second = await AddArtistAsync(db, "Two");
        Assert.Empty(App.Published.Batches);

        await transaction.CommitAsync();

        var batch = Assert.Single(App.Published.Batches);
        Assert.Equal([first.Id, second.Id], Ids(batch));
        Assert.Equal(2L, batch.Probed);
    }

    [Fact]
    public async Task RollbackPublishesNothing()
    {
        await using var db = await OpenAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await AddArtistAsync(db, "One");
            await transaction.RollbackAsync();
        }

        Assert.Empty(App.Published.Batches);
        Assert.Equal(0L, DatabaseSnapshot.Count(App, "Artists"));

        var later = await AddArtistAsync(db, "Later");
        Assert.Equal([later.Id], Ids(Assert.Single(App.Published.Batches)));
    }

    [Fact]
    public async Task AFailedSavePublishesNothing()
    {
        var artist = await App.CreateArtistAsync(_admin, "Nina");
        await App.CreateAlbumAsync(_admin, artist, "Live");
        App.Published.Clear();
        await using var db = await OpenAsync();
        var duplicate = db.Albums.Add(new Album { ArtistId = artist, Name = "Live", YearReleased = 2000 });

        await Assert.ThrowsAsync<SaveFailedException>(() => db.SaveChangesAsync());

        Assert.Empty(App.Published.Batches);
        duplicate.State = EntityState.Detached;
        var later = await AddArtistAsync(db, "Later");
        Assert.Equal([later.Id], Ids(Assert.Single(App.Published.Batches)));
    }

    [Fact]
    public async Task AFailedSaveInsideATransactionDropsOnlyItsOwnChanges()
    {
        var artist = await App.CreateArtistAsync(_admin, "Nina");
        await App.CreateAlbumAsync(_admin, artist, "Live");
        App.Published.Clear();
        await using var db = await OpenAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var kept = await AddArtistAsync(db, "Kept");
        var duplicate = db.Albums.Add(new Album { ArtistId = artist, Name = "Live", YearReleased = 2000 });
        await Assert.ThrowsAsync<SaveFailedException>(() => db.SaveChangesAsync());
        duplicate.State = EntityState.Detached;
        var later = await AddArtistAsync(db, "Later");

        await transaction.CommitAsync();

        Assert.Equal([kept.Id, later.Id], Ids(Assert.Single(App.Published.Batches)));
    }

    [Fact]
    public async Task ATransactionDisposedWithoutCommitPublishesNothingEvenAfterALaterCommit()
    {
        await using var db = await OpenAsync();
        await using (await db.Database.BeginTransactionAsync())
        {
            await AddArtistAsync(db, "Abandoned");
        }

        Assert.Empty(App.Published.Batches);

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var committed = await AddArtistAsync(db, "Committed");
            await transaction.CommitAsync();

            Assert.Equal([committed.Id], Ids(Assert.Single(App.Published.Batches)));
        }

        Assert.Equal(1L, DatabaseSnapshot.Count(App, "Artists"));
    }

    [Fact]
    public async Task DisposingTheContextWithAnOpenTransactionPublishesNothing()
    {
        await using (var db = await OpenAsync())
        {
            await db.Database.BeginTransactionAsync();
            await AddArtistAsync(db, "Never");
        }

        Assert.Empty(App.Published.Batches);
        Assert.Equal(0L, DatabaseSnapshot.Count(App, "Artists"));
    }

    [Fact]
    public async Task ExecutedChangesWaitForTheTransactionToCommit()
    {
        var artist = await App.CreateArtistAsync(_admin, "Nina");
        App.Published.Clear();
        await using var db = await OpenAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Artists.Where(a => a.Id == artist).ExecuteDeleteAsync();
        db.RecordExecutedChanges([new(ChangeOperation.Deleted, EntityKind.Artist, artist, _admin.UserId)]);
        Assert.Empty(App.Published.Batches);

        await transaction.CommitAsync();

        var batch = Assert.Single(App.Published.Batches);
        Assert.Equal([artist], Ids(batch));
        Assert.Equal(0L, batch.Probed);
    }

    [Fact]
    public async Task ExecutedChangesWithoutTransactionArePublishedAtOnce()
    {
        var artist = await App.CreateArtistAsync(_admin, "Nina");
        App.Published.Clear();
        await using var db = await OpenAsync();

        await db.Artists.Where(a => a.Id == artist).ExecuteDeleteAsync();
        db.RecordExecutedChanges([new(ChangeOperation.Deleted, EntityKind.Artist, artist, _admin.UserId)]);

        Assert.Equal(0L, Assert.Single(App.Published.Batches).Probed);
    }

    [Fact]
    public async Task ExecutedChangesOfARolledBackTransactionAreDropped()
    {
        var artist = await App.CreateArtistAsync(_admin, "Nina");
        App.Published.Clear();
        await using var db = await OpenAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.Artists.Where(a => a.Id == artist).ExecuteDeleteAsync();
            db.RecordExecutedChanges([new(ChangeOperation.Deleted, EntityKind.Artist, artist, _admin.UserId)]);
            await transaction.RollbackAsync();
        }

        Assert.Empty(App.Published.Batches);
        Assert.Equal(1L, DatabaseSnapshot.Count(App, "Artists"));
    }

    [Fact]
    public async Task DismissingAllNotificationsPublishesAfterTheRowsAreGone()
    {
        var fan = await ArrangeNotificationsAsync(2);
        App.Published.Probe = () => DatabaseSnapshot.Count(App, "Notifications");

        await App.As<NotificationInbox>(fan).DismissAllAsync();

        var batch = Assert.Single(App.Published.Batches);
        Assert.Equal(2, batch.Changes.Count(c => c is { Operation: ChangeOperation.Deleted, Entity: EntityKind.Notification }));
        Assert.All(batch.Changes, c => Assert.Equal(fan.UserId, c.RecipientUserId));
        Assert.Equal(0L, batch.Probed);
    }

    [Fact]
    public async Task UnfollowingPublishesAfterTheFollowIsGone()
    {
        var fan = await App.CreateUserAsync();
        var artist = await App.CreateArtistAsync(_admin, "Nina");
        await App.FollowAsync(fan, artist);
        App.Published.Clear();
        App.Published.Probe = () => DatabaseSnapshot.Count(App, "ArtistFollowers");

        await App.As<FollowService>(fan).UnfollowAsync(artist);

        var batch = Assert.Single(App.Published.Batches);
        Assert.Contains(new ChangeEvent(ChangeOperation.Deleted, EntityKind.Follow, fan.UserId!.Value, fan.UserId, ArtistId: artist), batch.Changes);
        Assert.Equal(0L, batch.Probed);
    }

    [Fact]
    public async Task ABrokenPublisherDoesNotFailACommittedSave()
    {
        App.Published.Fault = new InvalidOperationException("bus down");
        await using var db = await OpenAsync();

        await AddArtistAsync(db, "Nina");

        Assert.Single(App.Published.Batches);
        Assert.Equal(1L, DatabaseSnapshot.Count(App, "Artists"));
    }

    private async Task<Actor> ArrangeNotificationsAsync(int albums)
    {
        var fan = await App.CreateUserAsync();
        var artist = await App.CreateArtistAsync(_admin, "Nina");
        await App.FollowAsync(fan, artist);
        for (var i = 0; i < albums; i++)
        {
            await App.CreateAlbumAsync(_admin, artist, $"Album {i}");
        }

        App.Published.Clear();
        return fan;
    }
}
