using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Data.DemoData;
using MusicBlazor.Notifications.Bus;
using MusicBlazor.Tests.Infrastructure;
using MusicBlazor.Tests.Infrastructure.Providers;

namespace MusicBlazor.Tests.Data;

/// <summary>Capture: every committed write lands in the log once, in order, with its actor, whoever makes it.</summary>
public sealed class ChangeLogTests : DatabaseTest
{
    private Actor _admin = null!;
    private Actor _fan = null!;
    private Guid _artist;
    private long _head;

    protected override async Task ArrangeAsync()
    {
        _admin = await App.CreateUserAsync(Roles.Admin);
        _fan = await App.CreateUserAsync();
        _artist = await App.CreateArtistAsync(_admin, "Nina");
        _head = await App.LogHeadAsync();
    }

    private Task<IReadOnlyList<ChangeEvent>> LoggedAsync() => App.LoggedAfterAsync(_head);

    private static (ChangeOperation, EntityKind, Guid) Key(ChangeEvent e) => (e.Operation, e.Entity, e.Id);

    [DatabaseFact]
    public async Task SavesThroughEfAreLoggedInOrderWithTheirActor()
    {
        var album = await App.CreateAlbumAsync(_admin, _artist, "Live", 2001, ("Intro", "1:00"));
        await App.As<ArtistService>(_admin).UpdateAsync(_artist, new ArtistInput { Name = "Nina Simone" });

        var logged = await LoggedAsync();

        Assert.Equal(Enumerable.Range(1, logged.Count).Select(i => _head + i), logged.Select(e => e.Sequence));
        Assert.All(logged, e => Assert.Equal(_admin.UserId, e.ActorId));
        Assert.Contains((ChangeOperation.Created, EntityKind.Album, album), logged.Select(Key));
        var track = Assert.Single(logged, e => e.Entity == EntityKind.Track);
        Assert.Equal((album, _artist), (track.AlbumId!.Value, track.ArtistId!.Value));
        Assert.Equal((ChangeOperation.Updated, EntityKind.Artist, _artist), Key(logged[^1]));
        Assert.All(logged, e => Assert.False(e.Suppressed));
    }

    [DatabaseFact]
    public async Task ARolledBackTransactionLeavesNothingAndPublishesNothing()
    {
        await using (var db = await App.OpenDbAsync(_admin))
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Artists.Add(Artist.Create("Never"));
            await db.SaveChangesAsync();
            await db.Artists.Where(a => a.Id == _artist).ExecuteUpdateAsync(s => s.SetProperty(a => a.Biography, "gone"));
            await transaction.RollbackAsync();
        }

        await App.DeliverAsync();

        Assert.Empty(await LoggedAsync());
        Assert.Empty(App.Published.Batches);
        Assert.Equal(_head, await App.LogHeadAsync());
    }

    [DatabaseFact]
    public async Task WritesOutsideTheChangeTrackerAreLoggedWithTheTransactionsActor()
    {
        await using (var db = await App.OpenDbAsync(_admin))
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.Artists.Where(a => a.Id == _artist).ExecuteUpdateAsync(s => s.SetProperty(a => a.Biography, "updated"));
            await db.Database.ExecuteSqlAsync($"""UPDATE "Artists" SET "Biography" = 'raw' WHERE "Id" = {_artist}""");
            await transaction.CommitAsync();
        }

        var logged = await LoggedAsync();

        Assert.Equal(2, logged.Count);
        Assert.All(logged, e => Assert.Equal((ChangeOperation.Updated, EntityKind.Artist, _artist, _admin.UserId), (e.Operation, e.Entity, e.Id, e.ActorId)));
    }

    [DatabaseFact]
    public async Task EachWriteIsLoggedExactlyOnce()
    {
        await App.FollowAsync(_fan, _artist);

        var logged = await LoggedAsync();

        // The follow row, and the artist's follower count updated in the same transaction.
        Assert.Equal(
            [(ChangeOperation.Created, EntityKind.Follow, _fan.UserId!.Value), (ChangeOperation.Updated, EntityKind.Artist, _artist)],
            logged.Select(Key));
    }

    // SQLite only: PostgreSQL keeps the context in transaction-local settings, not a table.
    [Fact]
    public async Task TheContextRowNeverOutlivesItsTransaction()
    {
        await App.CreateAlbumAsync(_admin, _artist, "Live");

        Assert.Equal(0L, DatabaseSnapshot.Count(App, "ChangeContext"));
    }

    [DatabaseFact]
    public async Task AWriteFromAnotherProgramIsLoggedWithoutActorAndDeliveredWithinASecond()
    {
        await using var circuit = new TestCircuit(App, _fan);
        var (log, _) = circuit.Subscribe(Topic.Artist(_artist));
        await using (var connection = App.OpenConnection())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""UPDATE "Artists" SET "Biography" = 'outside' WHERE "Id" = '{GuidText(_artist)}'""";
            await command.ExecuteNonQueryAsync();
        }

        // No DeliverAsync: the follower's own poll has to notice it.
        await log.WaitUntilAsync(l => l.Changes.Count == 1, "the outside write reached the subscriber", TimeSpan.FromSeconds(1));

        var change = Assert.Single(log.Changes);
        Assert.Equal((ChangeOperation.Updated, EntityKind.Artist, _artist), Key(change));
        Assert.Null(change.ActorId);
    }

    // SQLite only: the sqlite3 tool.
    [Fact]
    public async Task ARowChangedWithTheSqlite3ToolWhileTheAppRunsReachesOpenPages()
    {
        var sqlite3 = new[] { "/usr/bin/sqlite3", "/usr/local/bin/sqlite3" }.FirstOrDefault(File.Exists);
        if (sqlite3 is null)
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "CI=true but the sqlite3 tool is missing (.ci/run installs it: apt-get install sqlite3).");
            Console.WriteLine("Skipped: install the sqlite3 command-line tool (apt-get install sqlite3) to run this test.");
            return;
        }

        await using var circuit = new TestCircuit(App, _fan);
        var (log, _) = circuit.Subscribe(Topic.Artist(_artist));
        var tool = Process.Start(new ProcessStartInfo(sqlite3, [App.DatabasePath,
            $"""UPDATE "Artists" SET "Name" = 'Renamed outside', "SearchName" = 'renamed outside' WHERE "Id" = '{GuidText(_artist)}';"""])
        {
            RedirectStandardError = true,
        })!;
        await tool.WaitForExitAsync();
        Assert.True(tool.ExitCode == 0, await tool.StandardError.ReadToEndAsync());

        await log.WaitUntilAsync(l => l.Changes.Count == 1, "the sqlite3 write reached the subscriber", TimeSpan.FromSeconds(1));
        Assert.Null(Assert.Single(log.Changes).ActorId);
        await using var db = await App.OpenDbAsync();
        Assert.Equal("Renamed outside", (await db.Artists.SingleAsync(a => a.Id == _artist)).Name);
    }

    [DatabaseFact]
    public async Task SuppressedWritesAreLoggedMarkedAndNotDeliveredLive()
    {
        await using var circuit = new TestCircuit(App, _fan);
        var (list, _) = circuit.Subscribe(Topic.ArtistList);
        using (Changes.Suppress("test import"))
        {
            await App.CreateArtistAsync(_admin, "Imported");
        }

        var imported = await LoggedAsync();
        await circuit.SyncAsync();

        Assert.Single(imported, e => e.Operation == ChangeOperation.Created && e.Entity == EntityKind.Artist);
        Assert.All(imported, e => Assert.True(e.Suppressed));
        Assert.DoesNotContain(list.Changes, c => c.Sequence <= imported[^1].Sequence);
    }

    [DatabaseFact]
    public async Task DemoSeedingIsLoggedButDoesNotReachOpenPages()
    {
        await using (var db = await App.OpenDbAsync())
        {
            await db.Artists.ExecuteDeleteAsync();
        }

        await App.DeliverAsync();
        await using var circuit = new TestCircuit(App, _fan);
        var (list, _) = circuit.Subscribe(Topic.ArtistList);
        var start = await App.LogHeadAsync();

        await using (var db = await App.OpenDbAsync())
        {
            await DemoCatalog.SeedIfEmptyAsync(db);
        }

        var seeded = await App.LoggedAfterAsync(start);
        await circuit.SyncAsync();

        Assert.True(seeded.Count > 500, $"{seeded.Count} changes logged by seeding");
        Assert.All(seeded, e => Assert.True(e.Suppressed));
        Assert.DoesNotContain(list.Changes, c => c.Sequence <= seeded[^1].Sequence);
        Assert.NotEmpty(list.Changes);
    }

    private static string GuidText(Guid id) => id.ToString().ToUpperInvariant();
}
