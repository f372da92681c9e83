using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MusicBlazor.Accounts;
using MusicBlazor.Audit;
using MusicBlazor.Catalog;
using MusicBlazor.Common;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Subscribers;
using MusicBlazor.Tests.Infrastructure;
using MusicBlazor.Tests.Infrastructure.Providers;

namespace MusicBlazor.Tests.Audit;

public sealed class AuditTrailTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private Actor _admin = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        _admin = await _app.CreateUserAsync(Roles.Admin);
        await StartSubscribersAsync();
    }

    private Task StartSubscribersAsync() => _app.StartSubscribersAndWaitAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Runs the subscribers until they have handled everything committed so far, and returns the audit trail, oldest first.</summary>
    private async Task<List<AuditEntry>> AuditedAsync()
    {
        var head = await _app.LogHeadAsync();
        await Eventually.TrueAsync(
            () => _app.Subscribers.Statuses.Single(s => s.Name == AuditTrail.SubscriberName).Position >= head, "the audit trail caught up");
        return await AuditEntriesAsync();
    }

    private async Task<List<AuditEntry>> AuditEntriesAsync()
    {
        await using var db = await _app.OpenDbAsync();
        return await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    private static IReadOnlyList<FieldChange> Fields(AuditEntry entry) => FieldChange.Parse(entry.Changes);

    [DatabaseFact]
    public async Task ARenameIsAuditedWithWhoWhenAndTheOldAndNewName()
    {
        var artistId = await _app.CreateArtistAsync(_admin, "Nina Sky", "Duo");
        var artists = _app.As<ArtistService>(_admin);
        var edit = (await artists.GetForEditAsync(artistId))!;
        edit.Name = "Nina Skye";
        await artists.UpdateAsync(artistId, edit);

        var entries = await AuditedAsync();

        var created = Assert.Single(entries, e => e.Entity == EntityKind.Artist && e.Operation == ChangeOperation.Created);
        Assert.Equal("Nina Sky", created.Subject);
        Assert.Contains(new FieldChange("Biography", null, "Duo"), Fields(created));
        var renamed = Assert.Single(entries, e => e.Entity == EntityKind.Artist && e.Operation == ChangeOperation.Updated);
        Assert.Equal(_admin.UserId, renamed.ActorId);
        Assert.Equal(_admin.Name, renamed.Actor);
        Assert.Equal("Nina Skye", renamed.Subject);
        Assert.Contains(new FieldChange("Name", "Nina Sky", "Nina Skye"), Fields(renamed));
        Assert.DoesNotContain(Fields(renamed), f => f.Field == "Biography");
        Assert.True(renamed.At > DateTime.UtcNow.AddMinutes(-5) && renamed.Sequence > created.Sequence);
    }

    [DatabaseFact]
    public async Task AnAlbumWithItsTracksFollowsAndACounterOnlyUpdateAreAuditedAsTheyHappened()
    {
        var artistId = await _app.CreateArtistAsync(_admin, "Low Roar");
        var editor = await _app.CreateUserAsync(Roles.Editor);
        var fan = await _app.CreateUserAsync();
        await _app.FollowAsync(fan, artistId);
        await _app.CreateAlbumAsync(editor, artistId, "Once in a Long, Long While", 2017, ("Bones", "4:05"), ("Waiting (10 Years)", "3:40"));
        await _app.As<FollowService>(fan).UnfollowAsync(artistId);

        var entries = await AuditedAsync();

        var album = Assert.Single(entries, e => e.Entity == EntityKind.Album);
        Assert.Equal("Once in a Long, Long While by Low Roar", album.Subject);
        Assert.Equal(editor.Name, album.Actor);
        Assert.Contains(new FieldChange("YearReleased", null, "2017"), Fields(album));
        var tracks = entries.Where(e => e.Entity == EntityKind.Track).ToList();
        Assert.Equal(["Bones on Once in a Long, Long While", "Waiting (10 Years) on Once in a Long, Long While"], tracks.Select(t => t.Subject).Order());
        Assert.Contains(tracks, t => Fields(t).Contains(new FieldChange("DurationSeconds", null, "245")));
        var follows = entries.Where(e => e.Entity == EntityKind.Follow).ToList();
        Assert.Equal(["Followed Low Roar", "Unfollowed Low Roar"], follows.Select(f => $"{AuditWording.Operation(f)} {AuditWording.What(f)}"));
        // The follow and the album moved the artist's counters: not an audited change of the artist.
        Assert.DoesNotContain(entries, e => e.Entity == EntityKind.Artist && e.Operation == ChangeOperation.Updated);
    }

    [DatabaseFact]
    public async Task RolesLocksAndAccountDeletionsAreAudited()
    {
        var user = await _app.CreateUserAsync(name: "mira");
        var arranged = await _app.LogHeadAsync();
        var admin = _app.As<UserAdminService>(_admin);
        await admin.ChangeRoleAsync(user.UserId!.Value, Roles.Editor);
        await admin.SetLockedAsync(user.UserId.Value, locked: true);
        await admin.DeleteAsync(user.UserId.Value);

        var entries = (await AuditedAsync()).Where(e => e.Entity == EntityKind.User && e.EntityId == user.UserId && e.Sequence > arranged).ToList();

        var changes = entries.SelectMany(e => Fields(e).Select(f => (e.Operation, f.Field, f.Old, f.New))).ToList();
        Assert.Contains((ChangeOperation.Updated, "Role", (string?)"User", (string?)null), changes);
        Assert.Contains((ChangeOperation.Updated, "Role", (string?)null, (string?)"Editor"), changes);
        Assert.Contains(changes, c => c.Field == "LockoutEnd" && c.Old is null && c.New is not null);
        var deleted = Assert.Single(entries, e => e.Operation == ChangeOperation.Deleted);
        Assert.Equal(user.Name, deleted.Subject);
        Assert.Contains(new FieldChange("Email", user.Name, null), Fields(deleted));
        Assert.All(entries, e => Assert.Equal(_admin.Name, e.Actor));
    }

    [DatabaseFact]
    public async Task AWriteFromOutsideTheAppIsAuditedWithNoActor()
    {
        var artistId = await _app.CreateArtistAsync(_admin, "Old Name");
        await using (var db = await _app.OpenDbAsync())
        {
            await db.Database.ExecuteSqlAsync($"""UPDATE "Artists" SET "Name" = 'New Name' WHERE "Id" = {artistId}""");
        }

        var renamed = Assert.Single(await AuditedAsync(), e => e.Operation == ChangeOperation.Updated);

        Assert.Null(renamed.ActorId);
        Assert.Equal("Outside the app", renamed.Actor);
        Assert.Contains(new FieldChange("Name", "Old Name", "New Name"), Fields(renamed));
    }

    [DatabaseFact]
    public async Task LiveDeliveryReadsIdsOnlyWhileDurableReadersGetTheFields()
    {
        var start = await _app.LogHeadAsync();
        await _app.CreateArtistAsync(_admin, "Fields Only For Readers");
        var reader = _app.Services.GetRequiredService<ChangeLogReader>();

        var live = Assert.Single(await reader.ReadAfterAsync(start, 10));
        var durable = Assert.Single(await reader.ReadAfterAsync(start, 10, withFields: true));

        Assert.Null(live.Fields);
        Assert.Contains(new FieldChange("Name", null, "Fields Only For Readers"), FieldChange.Parse(durable.Fields));
    }

    [DatabaseFact]
    public async Task AReplayWritesNoEntryTwice()
    {
        await _app.CreateArtistAsync(_admin, "Once");
        var first = await AuditedAsync();
        Assert.NotEmpty(first);
        await _app.StopSubscribersAsync();
        await using (var db = await _app.OpenDbAsync())
        {
            await db.SubscriberPositions.Where(p => p.Name == AuditTrail.SubscriberName).ExecuteUpdateAsync(s => s.SetProperty(p => p.Position, first[0].Sequence - 1));
        }

        await StartSubscribersAsync();
        var replayed = await AuditedAsync();

        Assert.Equal(first.Select(e => e.Sequence), replayed.Select(e => e.Sequence));
    }

    [DatabaseFact]
    public async Task AChangeCommittedWhileTheHostWasDownIsAuditedAfterTheRestartExactlyOnce()
    {
        await _app.StopSubscribersAsync();
        await _app.CreateArtistAsync(_admin, "Committed While Down");
        Assert.DoesNotContain(await AuditEntriesAsync(), e => e.Subject == "Committed While Down");

        await StartSubscribersAsync();
        var entries = await AuditedAsync();

        Assert.Single(entries, e => e.Subject == "Committed While Down");
    }

    [DatabaseFact]
    public async Task OnlyAdminsMayReadTheAuditLogEvenThroughTheServiceItself()
    {
        var editor = await _app.CreateUserAsync(Roles.Editor);

        await Assert.ThrowsAsync<ForbiddenException>(() => _app.As<AuditLog>(editor).ReadAsync(new AuditFilter(), 1));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.As<AuditLog>(Actor.Anonymous).ReadAsync(new AuditFilter(), 1));
    }

    [DatabaseFact]
    public async Task TheLogPagesAndFiltersByRecordUserAndDay()
    {
        var editor = await _app.CreateUserAsync(Roles.Editor, name: "filter-editor");
        var artistId = await _app.CreateArtistAsync(_admin, "Filtered");
        for (var i = 0; i < 30; i++)
        {
            await _app.CreateAlbumAsync(editor, artistId, $"Album {i}");
        }

        await AuditedAsync();
        var log = _app.As<AuditLog>(_admin);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var albums = await log.ReadAsync(new AuditFilter(Entity: EntityKind.Album), 2);
        var byEditor = await log.ReadAsync(new AuditFilter(Actor: "FILTER-editor"), 1);
        var tomorrow = await log.ReadAsync(new AuditFilter(From: today.AddDays(1)), 1);
        var upToToday = await log.ReadAsync(new AuditFilter(To: today), 1);

        Assert.Equal((30, 2, 5), (albums.Total, albums.Page, albums.Entries.Count));
        Assert.Equal("Album 4 by Filtered", albums.Entries[0].Subject);
        Assert.Equal(30, byEditor.Total);
        Assert.Equal(0, tomorrow.Total);
        Assert.True(upToToday.Total >= 31);
    }
}
