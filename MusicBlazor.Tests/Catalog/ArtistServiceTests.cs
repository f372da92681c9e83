using Microsoft.EntityFrameworkCore;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Common;
using MusicBlazor.Tests.Infrastructure;
using MusicBlazor.Tests.Infrastructure.Providers;

namespace MusicBlazor.Tests.Catalog;

public sealed class ArtistServiceTests : DatabaseTest
{
    [DatabaseFact]
    public async Task CreatingStampsTheActingAdminAndTheClock()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);

        var id = await App.As<ArtistService>(admin).CreateAsync(new ArtistInput { Name = "  Nina  ", Biography = "  Bio  " });

        await using var db = await App.OpenDbAsync();
        var artist = await db.Artists.SingleAsync(a => a.Id == id);
        Assert.Equal(("Nina", "Bio"), (artist.Name, artist.Biography));
        Assert.Equal((admin.UserId, admin.UserId), (artist.CreatedById, artist.UpdatedById));
        Assert.Equal(App.Clock.GetUtcNow().UtcDateTime, artist.CreatedAt);
        Assert.Equal(artist.CreatedAt, artist.UpdatedAt);
    }

    [DatabaseFact]
    public async Task UpdatingStampsTheEditorAndKeepsTheCreator()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        var editor = await App.CreateUserAsync(Roles.Editor);
        var id = await App.CreateArtistAsync(admin, "Nina");
        var created = App.Clock.GetUtcNow().UtcDateTime;
        App.Clock.Advance(TimeSpan.FromMinutes(5));

        await App.As<ArtistService>(editor).UpdateAsync(id, new ArtistInput { Name = "Nina", Biography = "New" });

        await using var db = await App.OpenDbAsync();
        var artist = await db.Artists.SingleAsync(a => a.Id == id);
        Assert.Equal((admin.UserId, created), (artist.CreatedById, artist.CreatedAt));
        Assert.Equal((editor.UserId, App.Clock.GetUtcNow().UtcDateTime), (artist.UpdatedById, artist.UpdatedAt));
        Assert.Equal("New", artist.Biography);
    }

    [DatabaseFact]
    public async Task RenamesAreKeptAsPreviousNames()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        var id = await App.CreateArtistAsync(admin, "First");
        var artists = App.As<ArtistService>(admin);
        foreach (var name in new[] { "Second", "Third", "First" })
        {
            await artists.UpdateAsync(id, new ArtistInput { Name = name });
        }

        var details = await App.As<ArtistQueries>(Actor.Anonymous).GetAsync(id);
        Assert.Equal("First", details!.Name);
        Assert.Equal(["Third", "Second"], details.PreviousNames);
    }

    [DatabaseFact]
    public async Task InvalidInputIsRefusedAndNothingIsWritten()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        var before = DatabaseSnapshot.Take(App);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(
            () => App.As<ArtistService>(admin).CreateAsync(new ArtistInput { Name = " " }));

        Assert.Equal("Name is required", Assert.Single(error.Errors).Message);
        Assert.Equal(before, DatabaseSnapshot.Take(App));
    }

    [DatabaseFact]
    public async Task AnOverlongNameIsRefusedAsTooLongNotAsMissing()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        var id = await App.CreateArtistAsync(admin, "Nina");

        var error = await Assert.ThrowsAsync<ValidationFailedException>(
            () => App.As<ArtistService>(admin).UpdateAsync(id, new ArtistInput { Name = new string('n', 30_000) }));

        Assert.Equal("Name must be at most 200 characters", Assert.Single(error.Errors).Message);
        await using var db = await App.OpenDbAsync();
        Assert.Equal("Nina", (await db.Artists.SingleAsync(a => a.Id == id)).Name);
    }

    [DatabaseFact]
    public async Task UpdatingAMissingArtistIsNotFound()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        await Assert.ThrowsAsync<NotFoundException>(
            () => App.As<ArtistService>(admin).UpdateAsync(Guid.CreateVersion7(), new ArtistInput { Name = "X" }));
    }

    [DatabaseFact]
    public async Task DeletingAnArtistDeletesItsAlbumsTracksFollowsAndNotifications()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        var fan = await App.CreateUserAsync();
        var doomed = await App.CreateArtistAsync(admin, "Doomed");
        var kept = await App.CreateArtistAsync(admin, "Kept");
        await App.FollowAsync(fan, doomed);
        await App.FollowAsync(fan, kept);
        await App.CreateAlbumAsync(admin, doomed, "Gone", 2001, ("One", "1:00"), ("Two", "2:00"));
        var keptAlbum = await App.CreateAlbumAsync(admin, kept, "Stays", 2002, ("Three", "3:00"));

        await App.As<ArtistService>(admin).DeleteAsync(doomed);

        await using var db = await App.OpenDbAsync();
        Assert.False(await db.Artists.AnyAsync(a => a.Id == doomed));
        Assert.Equal([keptAlbum], await db.Albums.Select(a => a.Id).ToListAsync());
        Assert.Equal(["Three"], await db.Tracks.Select(t => t.Name).ToListAsync());
        Assert.Equal([kept], await db.ArtistFollowers.Select(f => f.ArtistId).ToListAsync());
        Assert.Equal([keptAlbum], await db.Notifications.Select(n => n.AlbumId).ToListAsync());
    }

    [DatabaseFact]
    public async Task DeletingAMissingArtistIsNotFound()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        await Assert.ThrowsAsync<NotFoundException>(() => App.As<ArtistService>(admin).DeleteAsync(Guid.CreateVersion7()));
    }

    [DatabaseFact]
    public async Task GetForEditReturnsTheStoredFields()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        var id = await App.CreateArtistAsync(admin, "Nina", "Bio");

        var input = await App.As<ArtistService>(admin).GetForEditAsync(id);

        Assert.Equal(("Nina", "Bio"), (input!.Name, input.Biography));
        Assert.Null(await App.As<ArtistService>(admin).GetForEditAsync(Guid.CreateVersion7()));
    }
}
