using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Data.Providers;
using MusicBlazor.Hosting.Health;
using MusicBlazor.Tests.Infrastructure;
using MusicBlazor.Tests.Infrastructure.Providers;

namespace MusicBlazor.Tests.Notifications.CrossServer;

/// <summary>
/// Two servers on one PostgreSQL database, each with its own services, change-log follower, bus and LISTEN connection.
/// Neither polls (their poll interval is an hour), so whatever server B delivers from server A's commits came
/// through NOTIFY, or through the catch-up after the listener reconnected.
/// </summary>
public sealed class CrossServerDeliveryTests : IAsyncLifetime
{
    private TestApp _a = null!;
    private TestApp _b = null!;
    private Actor _editor = null!;
    private Actor _fan = null!;
    private Guid _artist;

    public async Task InitializeAsync()
    {
        _a = await TestApp.StartFirstServerAsync();
        _b = await _a.StartSecondServerAsync();
        var admin = await _a.CreateUserAsync(Roles.Admin);
        _editor = await _a.CreateUserAsync(Roles.Editor);
        _fan = await _a.CreateUserAsync();
        _artist = await _a.CreateArtistAsync(admin, "Nina Simone");
        await _a.FollowAsync(_fan, _artist);
        await ServerBCaughtUpAsync();
    }

    /// <summary>Waits until B has published everything committed so far, then forgets what it published.</summary>
    private async Task ServerBCaughtUpAsync()
    {
        var head = await _a.LogHeadAsync();
        await Eventually.TrueAsync(() => _b.Follower.Position >= head, "server B followed the arrangement");
        _b.Published.Clear();
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    private static List<ChangeEvent> Notifications(DeliveryLog log) => log.Changes.Where(c => c.Entity == EntityKind.Notification).ToList();

    [PostgresFact]
    public async Task AFollowerOnServerBSeesWithinASecondAnAlbumCreatedOnServerA()
    {
        await using var circuit = new TestCircuit(_b, _fan);
        var (log, _) = await circuit.SubscribeToNotificationsAsync();

        var album = await _a.As<AlbumService>(_editor).CreateAsync(_artist, CatalogSeed.AlbumInput("Pastel Blues", 1965));

        await log.WaitUntilAsync(l => Notifications(l).Count > 0, "server B delivered the notification", TimeSpan.FromSeconds(1));
        var notification = Assert.Single(Notifications(log));
        Assert.Equal(album, notification.AlbumId);
        Assert.True(_b.Listener.AnnouncedHead >= notification.Sequence, "B was told of the commit by NOTIFY");
    }

    [PostgresFact]
    public async Task ARollbackOnServerAShowsNothingOnServerB()
    {
        await using var circuit = new TestCircuit(_b, _fan);
        var (log, _) = await circuit.SubscribeToNotificationsAsync();
        var admin = _a.As<ArtistService>(await _a.CreateUserAsync(Roles.Admin));
        await ServerBCaughtUpAsync();
        var headBefore = await _a.LogHeadAsync();

        await using (var db = await _a.OpenDbAsync(_editor))
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Albums.Add(new Album { ArtistId = _artist, Name = "Never Released", YearReleased = 1966 });
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        // A committed change after the rollback: once B has delivered it, B has seen everything committed before it.
        await admin.UpdateAsync(_artist, new ArtistInput { Name = "Nina Simone", Biography = "Marker" });
        var marker = await _a.LogHeadAsync();
        await Eventually.TrueAsync(() => _b.Follower.Position >= marker, "server B delivered the marker");

        Assert.Empty(Notifications(log));
        Assert.DoesNotContain(_b.Published.Events, e => e.Entity == EntityKind.Album);
        Assert.Equal([headBefore + 1], _b.Published.Events.Select(e => e.Sequence).Distinct());
    }

    [PostgresFact]
    public async Task KillingServerBsListeningConnectionDuring200AlbumsLosesNothing()
    {
        await using var circuit = new TestCircuit(_b, _fan);
        var (log, _) = await circuit.SubscribeToNotificationsAsync();
        var start = await _a.LogHeadAsync();
        var albums = _a.As<AlbumService>(_editor);
        var created = new List<Guid>();

        for (var i = 1; i <= 200; i++)
        {
            created.Add(await albums.CreateAsync(_artist, CatalogSeed.AlbumInput($"Album {i:000}", 1960 + i % 60)));
            // The last kill comes just before the last album: B can only learn of it by catching up after reconnecting.
            if (i is 50 or 120 or 199)
            {
                await TerminateListenerOfAsync(_b);
            }
        }

        await log.WaitUntilAsync(l => Notifications(l).Count >= 200, "server B delivered all 200 notifications", TimeSpan.FromSeconds(15));
        Assert.Equal(created, Notifications(log).Select(n => n.AlbumId!.Value));
        Assert.True(_b.Listener.Reconnects >= 3, $"B's listener reconnected ({_b.Listener.Reconnects} times)");

        // The bus of B got every change of the log exactly once, in order.
        var end = await _a.LogHeadAsync();
        Assert.Equal(Enumerable.Range(1, (int)(end - start)).Select(i => start + i), _b.Published.Events.Select(e => e.Sequence));
    }

    /// <summary>
    /// What a PostgreSQL restart does to its clients: every connection of both servers (their pools and listeners) is
    /// ended by the server. Writes caught in it may fail; every one that committed reaches B, once, in order.
    /// </summary>
    [PostgresFact]
    public async Task EveryConnectionOfBothServersEndingMidRunLosesNoCommittedNotification()
    {
        await using var circuit = new TestCircuit(_b, _fan);
        var (log, _) = await circuit.SubscribeToNotificationsAsync();
        var albums = _a.As<AlbumService>(_editor);
        var committed = new List<Guid>();
        var failed = 0;

        for (var i = 1; i <= 100; i++)
        {
            try
            {
                committed.Add(await albums.CreateAsync(_artist, CatalogSeed.AlbumInput($"Album {i:000}", 1990)));
            }
            catch (Exception ex) when (ex is SaveFailedException or NpgsqlException or InvalidOperationException)
            {
                failed++;
            }

            if (i is 30 or 70)
            {
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_a.ConnectionString) { Pooling = false }.ToString());
                await connection.OpenAsync();
                await using var kill = new NpgsqlCommand(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
                Assert.True((long)(await kill.ExecuteScalarAsync())! >= 2, "the servers' connections were ended");
            }
        }

        await using (var db = await _a.OpenDbAsync())
        {
            Assert.Equal(committed.Count, await db.Albums.CountAsync(a => a.ArtistId == _artist));
        }

        await log.WaitUntilAsync(l => Notifications(l).Count >= committed.Count, $"server B delivered all {committed.Count} committed albums", TimeSpan.FromSeconds(15));
        Assert.Equal(committed, Notifications(log).Select(n => n.AlbumId!.Value));
        Assert.True(_b.Listener.Reconnects >= 2, $"B's listener reconnected ({_b.Listener.Reconnects} times; {failed} writes failed)");
    }

    private static async Task TerminateListenerOfAsync(TestApp server)
    {
        await Eventually.TrueAsync(() => server.Listener.BackendProcessId != 0, "the listener is connected");
        await using var connection = (NpgsqlConnection)server.OpenConnection();
        await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", connection);
        kill.Parameters.AddWithValue("pid", server.Listener.BackendProcessId);
        Assert.True((bool)(await kill.ExecuteScalarAsync())!, "the listening backend was terminated");
    }

    [PostgresFact]
    public async Task TheHealthCheckReportsTheListenersStateAndLag()
    {
        var check = new ChangeListenerHealthCheck(_b.Listener, _b.Follower);
        var healthy = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal(0L, healthy.Data["lag"]);

        await TerminateListenerOfAsync(_b);
        await Eventually.TrueAsync(() => _b.Listener.State != ListenerState.Listening, "B noticed its connection was gone");
        var reconnecting = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Degraded, reconnecting.Status);
        Assert.Equal("Reconnecting", reconnecting.Data["state"]);

        await Eventually.TrueAsync(() => _b.Listener.State == ListenerState.Listening, "B listens again");
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    /// <summary>
    /// A server's own commit rings its follower at once and is then announced back by PostgreSQL: that announcement
    /// has nothing new for it and must not cost a read of the log (with those reads, 8 writers with NOTIFY ran at
    /// 0.88–0.95× the throughput without it; without them 0.97–1.01×). A head it has not read still wakes it.
    /// </summary>
    [PostgresFact]
    public async Task AnAnnouncedHeadTheServerHasReadCostsNoReadOfTheLog()
    {
        var head = await _a.LogHeadAsync();
        await Eventually.TrueAsync(() => _a.Follower.Position >= head && _a.Listener.AnnouncedHead >= head, "server A read and heard its last commit");
        await Task.Delay(200);
        _a.Commands.Trace = [];

        var reads = LogReadsOf(_a);
        await NotifyAsync(head);
        await Eventually.TrueAsync(() => _a.Listener.AnnouncedHead >= head, "A heard the announcement");
        await Task.Delay(300);
        Assert.Equal(reads, LogReadsOf(_a));

        // Announced by a server that committed past A's position: A reads the log (and finds what is there).
        await NotifyAsync(head + 1);
        await Eventually.TrueAsync(() => LogReadsOf(_a) > reads, "A read the log after an unread head was announced");
    }

    /// <summary>The follower's reads of the log's next range since the trace was started.</summary>
    private static int LogReadsOf(TestApp app) => app.Commands.Trace!.Count(c => c.Sql.Contains("FROM \"ChangeLog\" AS", StringComparison.Ordinal));

    private async Task NotifyAsync(long head)
    {
        await using var connection = new NpgsqlConnection(_a.ConnectionString);
        await connection.OpenAsync();
        await using var notify = new NpgsqlCommand($"SELECT pg_notify('{PostgresChangeListener.Channel}', @head)", connection);
        notify.Parameters.AddWithValue("head", head.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await notify.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// A read of the log that fails (say on a pooled connection the database ended) is tried again at once, not at the
    /// next commit: the notification that asked for it will not come again, and these servers never poll.
    /// </summary>
    [PostgresFact]
    public async Task AFailedReadOfTheLogIsTriedAgainWithoutAnotherNotification()
    {
        var failure = new FailingLogRead();
        await using var c = await _a.StartSecondServerAsync(services =>
            services.ConfigureDbContext<PostgresMusicDbContext>(options => options.AddInterceptors(failure)));
        await using var circuit = new TestCircuit(c, _fan);
        var (log, _) = await circuit.SubscribeToNotificationsAsync();
        failure.Armed = true;

        var album = await _a.As<AlbumService>(_editor).CreateAsync(_artist, CatalogSeed.AlbumInput("Wild Is the Wind", 1966));

        await log.WaitUntilAsync(l => Notifications(l).Count == 1, "server C delivered the album after its failed read", TimeSpan.FromSeconds(5));
        Assert.Equal(album, Notifications(log).Single().AlbumId);
        Assert.Equal(1, failure.Failures);
    }

    /// <summary>Fails the next read of the log's range once armed, as a connection the database ended would.</summary>
    private sealed class FailingLogRead : DbCommandInterceptor
    {
        public volatile bool Armed;
        public int Failures;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("FROM \"ChangeLog\" AS", StringComparison.Ordinal) && Armed)
            {
                Armed = false;
                Interlocked.Increment(ref Failures);
                throw new NpgsqlException("The connection was ended by the database (test).");
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
