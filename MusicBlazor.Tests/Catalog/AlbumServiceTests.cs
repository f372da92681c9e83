using Microsoft.EntityFrameworkCore;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Common;
using MusicBlazor.Tests.Infrastructure;
using MusicBlazor.Tests.Infrastructure.Providers;

namespace MusicBlazor.Tests.Catalog;

public sealed class AlbumServiceTests : DatabaseTest
{
    private Actor _admin = null!;
    private Actor _editor = null!;
    private Guid _artist;

    protected override async Task ArrangeAsync()
    {
        _admin = await App.CreateUserAsync(Roles.Admin);
        _editor = await App.CreateUserAsync(Roles.Editor);
        _artist = await App.CreateArtistAsync(_admin, "Nina");
    }

    [DatabaseFact]
    public async Task CreatingStoresTheAlbumWithItsTracksInOrderAndStampsTheEditor()
    {
        var id = await App.CreateAlbumAsync(_editor, _artist, " Live ", 1999, ("One", "1:01"), ("Two", "90:21"), ("Three", "0:03"));

        await using var db = await App.OpenDbAsync();
        var album = await db.Albums.Include(a => a.Tracks).SingleAsync(a => a.Id == id);
        Assert.Equal(("Live", 1999, _artist), (album.Name, album.YearReleased, album.ArtistId));
        Assert.Equal((_editor.UserId, _editor.UserId), (album.CreatedById, album.UpdatedById));
        Assert.Equal(App.Clock.GetUtcNow().UtcDateTime, album.CreatedAt);
        Assert.Equal(
            [(0, "One", 61), (1, "Two", 5421), (2, "Three", 3)],
            album.Tracks.OrderBy(t => t.Order).Select(t => (t.Order, t.Name, t.DurationSeconds)));
    }

    [DatabaseFact]
    public async Task CreatingRefreshesTheArtistsAlbumFigures()
    {
        await App.As<AlbumService>(_editor).CreateAsync(_artist, new AlbumInput { Name = "Old", YearReleased = 1990, CoverImageUrl = "/images/old.jpg" });
        await App.As<AlbumService>(_editor).CreateAsync(_artist, new AlbumInput { Name = "New", YearReleased = 2010, CoverImageUrl = "/images/new.jpg" });

        await using var db = await App.OpenDbAsync();
        var artist = await db.Artists.SingleAsync(a => a.Id == _artist);
        Assert.Equal((2, 2010, "/images/new.jpg"), (artist.AlbumCount, artist.LatestAlbumYear, artist.CoverImageUrl));
    }

    [DatabaseFact]
    public async Task SavingReplacesTheWholeTrackListInOrder()
    {
        var id = await App.CreateAlbumAsync(_editor, _artist, "Album", 2000, ("A", "1:00"), ("B", "2:00"), ("C", "3:00"));

        await App.As<AlbumService>(_editor).UpdateAsync(id, CatalogSeed.AlbumInput("Album", 2000, ("C", "3:30"), ("New", "0:45")));

        await using var db = await App.OpenDbAsync();
        Assert.Equal(
            [(0, "C", 210), (1, "New", 45)],
            (await db.Tracks.Where(t => t.AlbumId == id).OrderBy(t => t.Order).Select(t => new { t.Order, t.Name, t.DurationSeconds }).ToListAsync())
                .Select(t => (t.Order, t.Name, t.DurationSeconds)));
        var edit = await App.As<AlbumService>(_editor).GetForEditAsync(id);
        Assert.Equal([("C", "3:30"), ("New", "0:45")], edit!.Input.Tracks.Select(t => (t.Name, t.Duration)));
    }

    [DatabaseFact]
    public async Task UpdatingStampsTheActorAndKeepsTheCreator()
    {
        var id = await App.CreateAlbumAsync(_editor, _artist, "Album", 2000);
        var created = App.Clock.GetUtcNow().UtcDateTime;
        App.Clock.Advance(TimeSpan.FromHours(1));

        await App.As<AlbumService>(_admin).UpdateAsync(id, CatalogSeed.AlbumInput("Renamed", 2001));

        await using var db = await App.OpenDbAsync();
        var album = await db.Albums.SingleAsync(a => a.Id == id);
        Assert.Equal(("Renamed", 2001), (album.Name, album.YearReleased));
        Assert.Equal((_editor.UserId, created), (album.CreatedById, album.CreatedAt));
        Assert.Equal((_admin.UserId, App.Clock.GetUtcNow().UtcDateTime), (album.UpdatedById, album.UpdatedAt));
    }

    [DatabaseFact]
    public async Task EditingOnlyTheTracksStillStampsTheAlbumAsUpdated()
    {
        var id = await App.CreateAlbumAsync(_editor, _artist, "Album", 2000, ("A", "1:00"));
        App.Clock.Advance(TimeSpan.FromHours(1));

        await App.As<AlbumService>(_admin).UpdateAsync(id, CatalogSeed.AlbumInput("Album", 2000, ("B", "2:00")));

        await using var db = await App.OpenDbAsync();
        var album = await db.Albums.SingleAsync(a => a.Id == id);
        Assert.Equal((_admin.UserId, App.Clock.GetUtcNow().UtcDateTime), (album.UpdatedById, album.UpdatedAt));
    }

    [DatabaseTheory]
    [InlineData("Live")]
    [InlineData("LIVE")]
    [InlineData(" live ")]
    public async Task DuplicateAlbumNameForTheSameArtistIsRefused(string duplicate)
    {
        await App.CreateAlbumAsync(_editor, _artist, "Live", 2000);
        var before = DatabaseSnapshot.Take(App);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => App.CreateAlbumAsync(_editor, _artist, duplicate, 2001));

        var field = Assert.Single(error.Errors);
        Assert.Equal(nameof(AlbumInput.Name), field.Field);
        Assert.Contains("already exists for this artist", field.Message);
        Assert.Equal(before, DatabaseSnapshot.Take(App));
    }

    [DatabaseFact]
    public async Task DuplicateAlbumNameIsCaseInsensitiveBeyondAscii()
    {
        await App.CreateAlbumAsync(_editor, _artist, "Été", 2000);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => App.CreateAlbumAsync(_editor, _artist, "ÉTÉ", 2001));

        Assert.Contains("already exists for this artist", Assert.Single(error.Errors).Message);
    }

    [DatabaseFact]
    public async Task RenamingAnAlbumOntoAnotherOfTheSameArtistIsRefused()
    {
        await App.CreateAlbumAsync(_editor, _artist, "First", 2000);
        var second = await App.CreateAlbumAsync(_editor, _artist, "Second", 2001);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(
            () => App.As<AlbumService>(_editor).UpdateAsync(second, CatalogSeed.AlbumInput("first", 2001)));

        Assert.Contains("already exists for this artist", Assert.Single(error.Errors).Message);
    }

    [DatabaseFact]
    public async Task KeepingAnAlbumsOwnNameIsNotADuplicate()
    {
        var id = await App.CreateAlbumAsync(_editor, _artist, "Live", 2000);

        await App.As<AlbumService>(_editor).UpdateAsync(id, CatalogSeed.AlbumInput("LIVE", 2003));

        await using var db = await App.OpenDbAsync();
        Assert.Equal("LIVE", (await db.Albums.SingleAsync()).Name);
    }

    [DatabaseFact]
    public async Task TheSameNameForADifferentArtistIsAllowed()
    {
        var other = await App.CreateArtistAsync(_admin, "Other");
        await App.CreateAlbumAsync(_editor, _artist, "Live", 2000);

        await App.CreateAlbumAsync(_editor, other, "Live", 2000);

        await using var db = await App.OpenDbAsync();
        Assert.Equal(2, await db.Albums.CountAsync(a => a.Name == "Live"));
    }

    [DatabaseFact]
    public async Task CreatingForAMissingArtistIsNotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => App.CreateAlbumAsync(_editor, Guid.CreateVersion7(), "Live"));
    }

    [DatabaseFact]
    public async Task InvalidAlbumIsRefusedWithEveryBrokenRule()
    {
        var input = CatalogSeed.AlbumInput("", 1925, ("", "x"));
        input.CoverImageUrl = "notavalidURL";

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => App.As<AlbumService>(_editor).CreateAsync(_artist, input));

        Assert.Equal(
            ["Name", "YearReleased", "CoverImageUrl", "Name", "Duration"],
            error.Errors.Select(e => e.Field));
    }

    [DatabaseFact]
    public async Task ACraftedFloodOfTracksIsRefusedAndNothingIsWritten()
    {
        var input = CatalogSeed.AlbumInput("Flood", 2000);
        input.Tracks = Enumerable.Range(1, 500).Select(i => new TrackInput { Name = $"T{i}", Duration = "9999:59" }).ToList();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => App.As<AlbumService>(_editor).CreateAsync(_artist, input));

        Assert.Equal("An album can have at most 100 tracks", Assert.Single(error.Errors).Message);
        await using var db = await App.OpenDbAsync();
        Assert.False(await db.Albums.AnyAsync());
    }

    [DatabaseFact]
    public async Task ATrackLongerThan99_59IsRefusedOnUpdate()
    {
        var id = await App.CreateAlbumAsync(_editor, _artist, "Album", 2000, ("A", "99:59"));

        var error = await Assert.ThrowsAsync<ValidationFailedException>(
            () => App.As<AlbumService>(_editor).UpdateAsync(id, CatalogSeed.AlbumInput("Album", 2000, ("A", "9999:59"))));

        Assert.Equal("Track 1 duration must be between 0:01 and 99:59", Assert.Single(error.Errors).Message);
        await using var db = await App.OpenDbAsync();
        Assert.Equal(5999, (await db.Tracks.SingleAsync(t => t.AlbumId == id)).DurationSeconds);
    }

    [DatabaseFact]
    public async Task DeletingAnAlbumDeletesItsTracksAndNotificationsAndRefreshesTheArtist()
    {
        var fan = await App.CreateUserAsync();
        await App.FollowAsync(fan, _artist);
        var kept = await App.CreateAlbumAsync(_editor, _artist, "Kept", 1995, ("K", "1:00"));
        var doomed = await App.CreateAlbumAsync(_editor, _artist, "Doomed", 2005, ("D1", "1:00"), ("D2", "1:00"));

        await App.As<AlbumService>(_editor).DeleteAsync(doomed);

        await using var db = await App.OpenDbAsync();
        Assert.Equal([kept], await db.Albums.Select(a => a.Id).ToListAsync());
        Assert.Equal(["K"], await db.Tracks.Select(t => t.Name).ToListAsync());
        Assert.Equal([kept], await db.Notifications.Select(n => n.AlbumId).ToListAsync());
        var artist = await db.Artists.SingleAsync();
        Assert.Equal((1, 1995), (artist.AlbumCount, artist.LatestAlbumYear));
    }

    [DatabaseFact]
    public async Task DeletingAMissingAlbumIsNotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => App.As<AlbumService>(_admin).DeleteAsync(Guid.CreateVersion7()));
    }

    [DatabaseFact]
    public async Task GetForEditTellsWhetherTheViewerMayManageIt()
    {
        var otherEditor = await App.CreateUserAsync(Roles.Editor);
        var id = await App.CreateAlbumAsync(_editor, _artist, "Album", 2000, ("A", "90:21"));

        var own = await App.As<AlbumService>(_editor).GetForEditAsync(id);
        var foreign = await App.As<AlbumService>(otherEditor).GetForEditAsync(id);

        Assert.Equal(("Nina", "Album", "90:21", true), (own!.ArtistName, own.Input.Name, own.Input.Tracks[0].Duration, own.CanManage));
        Assert.False(foreign!.CanManage);
        Assert.Null(await App.As<AlbumService>(_editor).GetForEditAsync(Guid.CreateVersion7()));
    }
}
