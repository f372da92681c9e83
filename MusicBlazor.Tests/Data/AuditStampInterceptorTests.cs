using Microsoft.EntityFrameworkCore;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Tests.Infrastructure;
using MusicBlazor.Tests.Infrastructure.Providers;

namespace MusicBlazor.Tests.Data;

public sealed class AuditStampInterceptorTests : DatabaseTest
{
    private static readonly DateTime Forged = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [DatabaseFact]
    public async Task AddedRowsAreStampedFromTheContextsActorNotFromTheEntity()
    {
        var editor = await App.CreateUserAsync(Roles.Editor);
        var impostor = await App.CreateUserAsync(Roles.Admin);
        var artist = Artist.Create("Nina");
        artist.CreatedById = impostor.UserId;
        artist.UpdatedById = impostor.UserId;
        artist.CreatedAt = Forged;
        artist.UpdatedAt = Forged;

        await using (var db = await App.OpenDbAsync(editor))
        {
            db.Artists.Add(artist);
            await db.SaveChangesAsync();
        }

        await using var check = await App.OpenDbAsync();
        var stored = await check.Artists.SingleAsync();
        var now = App.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal((editor.UserId, editor.UserId, now, now), (stored.CreatedById, stored.UpdatedById, stored.CreatedAt, stored.UpdatedAt));
    }

    [DatabaseFact]
    public async Task AContextFromTheFactoryNeverActsAsTheActorOfAnEarlierOperation()
    {
        var editor = await App.CreateUserAsync(Roles.Editor);
        await using (var earlier = await App.OpenDbAsync(editor))
        {
            Assert.Equal(editor, earlier.Actor);
        }

        // Contexts are pooled: this may well be the same instance, handed out again.
        await using (var db = await App.DbFactory.CreateDbContextAsync())
        {
            Assert.Equal(Actor.Anonymous, db.Actor);
            db.Artists.Add(Artist.Create("Nina"));
            await db.SaveChangesAsync();
        }

        await using var check = await App.OpenDbAsync();
        var stored = await check.Artists.SingleAsync();
        Assert.Equal((null, null), (stored.CreatedById, stored.UpdatedById));
    }

    [DatabaseFact]
    public async Task ModifiedRowsGetTheNewActorAndTimeAndKeepTheirCreation()
    {
        var first = await App.CreateUserAsync(Roles.Admin);
        var second = await App.CreateUserAsync(Roles.Editor);
        var created = App.Clock.GetUtcNow().UtcDateTime;
        var id = await App.CreateArtistAsync(first, "Nina");
        App.Clock.Advance(TimeSpan.FromDays(1));

        await using (var db = await App.OpenDbAsync(second))
        {
            var artist = await db.Artists.SingleAsync();
            artist.Biography = "Changed";
            artist.UpdatedAt = Forged;
            await db.SaveChangesAsync();
        }

        await using var check = await App.OpenDbAsync();
        var stored = await check.Artists.SingleAsync(a => a.Id == id);
        Assert.Equal((first.UserId, created), (stored.CreatedById, stored.CreatedAt));
        Assert.Equal((second.UserId, App.Clock.GetUtcNow().UtcDateTime), (stored.UpdatedById, stored.UpdatedAt));
    }

    [DatabaseFact]
    public async Task UnchangedRowsAreNotRestamped()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        var editor = await App.CreateUserAsync(Roles.Editor);
        await App.CreateArtistAsync(admin, "Nina");
        App.Clock.Advance(TimeSpan.FromDays(1));

        await using (var db = await App.OpenDbAsync(editor))
        {
            _ = await db.Artists.SingleAsync();
            await db.SaveChangesAsync();
        }

        await using var check = await App.OpenDbAsync();
        Assert.Equal(admin.UserId, (await check.Artists.SingleAsync()).UpdatedById);
    }

    [DatabaseFact]
    public async Task AnAnonymousSaveLeavesTheActorEmpty()
    {
        await using (var db = await App.OpenDbAsync(Actor.Anonymous))
        {
            db.Artists.Add(Artist.Create("Nina"));
            await db.SaveChangesAsync();
        }

        await using var check = await App.OpenDbAsync();
        var stored = await check.Artists.SingleAsync();
        Assert.Equal((null, null), (stored.CreatedById, stored.UpdatedById));
    }
}
