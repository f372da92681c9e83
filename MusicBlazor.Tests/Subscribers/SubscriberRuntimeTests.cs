using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Subscribers;
using MusicBlazor.Tests.Infrastructure;
using MusicBlazor.Tests.Infrastructure.Providers;

namespace MusicBlazor.Tests.Subscribers;

public sealed class SubscriberRuntimeTests : IAsyncLifetime
{
    private readonly RecordingSubscriber _audit = new("audit");
    private readonly RecordingSubscriber _feed = new("feed");
    private TestApp _app = null!;
    private Actor _admin = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(configure: services =>
        {
            services.AddSingleton<IChangeSubscriber>(_audit);
            services.AddSingleton<IChangeSubscriber>(_feed);
            services.Configure<SubscriberOptions>(o =>
            {
                o.MaxAttempts = 3;
                o.FirstRetry = TimeSpan.FromMilliseconds(20);
                o.BatchSize = 10;
            });
        });
        _admin = await _app.CreateUserAsync(Roles.Admin);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<Guid> CreateArtistAsync(string name) => _app.CreateArtistAsync(_admin, name);

    private async Task<long> SavedPositionAsync(string subscriber)
    {
        await using var db = await _app.OpenDbAsync();
        return await db.SubscriberPositions.Where(p => p.Name == subscriber).Select(p => (long?)p.Position).SingleOrDefaultAsync() ?? -1;
    }

    private static Task UntilHandledAsync(RecordingSubscriber subscriber, long sequence) =>
        Eventually.TrueAsync(() => subscriber.Effects.Any(e => e.Sequence >= sequence), $"{subscriber.Name} handled change {sequence}");

    [DatabaseFact]
    public async Task ASubscriberGetsEveryChangeCommittedAfterItStartedInOrderAndSavesItsPosition()
    {
        await _app.StartSubscribersAndWaitAsync();
        var start = await _app.LogHeadAsync();

        // 25 changes: more than two batches of 10.
        for (var i = 0; i < 25; i++)
        {
            await CreateArtistAsync($"Artist {i}");
        }

        var head = await _app.LogHeadAsync();
        await UntilHandledAsync(_audit, head);
        Assert.Equal(Enumerable.Range(1, (int)(head - start)).Select(i => start + i), _audit.Effects.Select(e => e.Sequence));
        Assert.All(_audit.Effects, e => Assert.Equal(1, _audit.CallsFor(e.Sequence)));
        await Eventually.TrueAsync(() => SavedPositionAsync("audit").Result == head, "the position was saved");
    }

    /// <summary>An artist added through a context of its own, its id known before it is committed.</summary>
    private async Task<(Guid Id, long Sequence)> AddArtistAsync(string name, Action<Guid>? beforeCommit = null)
    {
        var artist = Artist.Create(name);
        beforeCommit?.Invoke(artist.Id);
        await using (var db = await _app.OpenDbAsync(_admin))
        {
            db.Artists.Add(artist);
            await db.SaveChangesAsync();
        }

        return (artist.Id, (await _app.LoggedAfterAsync(0)).Single(e => e.Id == artist.Id).Sequence);
    }

    [DatabaseFact]
    public async Task AFailingChangeIsRetriedThenDeadLetteredAndTheChangesBehindItAreStillHandled()
    {
        await _app.StartSubscribersAndWaitAsync();
        var (_, failing) = await AddArtistAsync("Poison", id =>
            _audit.Before = (change, _) => change.Id == id ? throw new InvalidOperationException("cannot audit this one") : Task.CompletedTask);
        var (_, behind) = await AddArtistAsync("Behind It");

        await UntilHandledAsync(_audit, behind);
        Assert.Equal(3, _audit.CallsFor(failing));
        Assert.DoesNotContain(_audit.Effects, e => e.Sequence == failing);
        await using var db = await _app.OpenDbAsync();
        var letter = await db.DeadLetters.SingleAsync();
        Assert.Equal(("audit", failing, 3), (letter.Subscriber, letter.Sequence, letter.Attempts));
        Assert.Contains("cannot audit this one", letter.Error);
        Assert.Contains(_feed.Effects, e => e.Sequence == failing);
    }

    [DatabaseFact]
    public async Task ChangesCommittedWhileTheHostWasStoppedAreHandledAfterTheRestartExactlyOnce()
    {
        await _app.StartSubscribersAndWaitAsync();
        var (_, before) = await AddArtistAsync("Before The Stop");
        await UntilHandledAsync(_audit, before);
        await _app.StopSubscribersAsync();

        var (_, whileStopped) = await AddArtistAsync("While Stopped");
        await Task.Delay(300);
        Assert.DoesNotContain(_audit.Effects, e => e.Sequence == whileStopped);

        await _app.StartSubscribersAsync();
        await UntilHandledAsync(_audit, whileStopped);
        Assert.Equal(1, _audit.CallsFor(whileStopped));
        Assert.Equal(1, _audit.CallsFor(before));
    }

    [DatabaseFact]
    public async Task ASubscriberSleepingFiveSecondsDelaysNeitherTheWriterNorTheOtherSubscribers()
    {
        var asleep = new TaskCompletionSource();
        _audit.Before = async (_, cancellationToken) =>
        {
            asleep.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        };
        await _app.StartSubscribersAndWaitAsync();

        var (_, first) = await AddArtistAsync("Wakes The Sleeper");
        await asleep.Task;
        // While audit sleeps in its first change: the writer commits, live delivery and the feed keep up.
        var (_, second) = await AddArtistAsync("Written Meanwhile");
        await _app.DeliverAsync();
        await UntilHandledAsync(_feed, second);

        Assert.Empty(_audit.Effects);
        Assert.True(_app.Follower.Position >= second);
        Assert.Contains(_feed.Effects, e => e.Sequence == first);
    }

    [DatabaseFact]
    public async Task SuppressedChangesReachOnlyTheSubscribersThatAskForThem()
    {
        var maintenance = new RecordingSubscriber("maintenance-audit", receivesSuppressed: true);
        await using var app = await TestApp.StartAsync(configure: services =>
        {
            services.AddSingleton<IChangeSubscriber>(maintenance);
            services.AddSingleton<IChangeSubscriber>(_feed);
        });
        await app.StartSubscribersAndWaitAsync();

        using (Changes.Suppress("maintenance"))
        {
            await using var db = await app.OpenDbAsync();
            db.Artists.Add(Artist.Create("Quietly Added"));
            await db.SaveChangesAsync();
        }

        var marker = await app.CreateArtistAsync(await app.CreateUserAsync(Roles.Admin), "Loudly Added");
        var head = await app.LogHeadAsync();
        await UntilHandledAsync(_feed, head);
        await UntilHandledAsync(maintenance, head);

        Assert.Contains(maintenance.Effects, e => e.Suppressed);
        Assert.DoesNotContain(_feed.Effects, e => e.Suppressed);
        Assert.Contains(_feed.Effects, e => e.Id == marker);
    }

    [DatabaseFact]
    public async Task TheLogIsNotPrunedPastASubscribersPosition()
    {
        await _app.StartSubscribersAndWaitAsync();
        var (_, handled) = await AddArtistAsync("Handled");
        await Eventually.TrueAsync(
            () => _app.Subscribers.Statuses.All(s => SavedPositionAsync(s.Name).Result >= handled), "every subscriber saved its position");
        await _app.StopSubscribersAsync();
        var (_, pending) = await AddArtistAsync("Not Handled Yet");

        await using (var db = await _app.OpenDbAsync())
        {
            await db.ChangeLog.ExecuteUpdateAsync(u => u.SetProperty(e => e.At, _app.Clock.GetUtcNow().UtcDateTime.AddDays(-30)));
        }

        await _app.Services.GetRequiredService<ChangeLogRetention>().PruneAsync();

        var left = (await _app.LoggedAfterAsync(0)).Select(e => e.Sequence).ToList();
        Assert.DoesNotContain(handled, left);
        Assert.Contains(pending, left);
    }
}
