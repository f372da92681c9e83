using Microsoft.Extensions.DependencyInjection;
using MusicBlazor.Accounts;
using MusicBlazor.Subscribers;
using MusicBlazor.Tests.Infrastructure;
using MusicBlazor.Tests.Infrastructure.Providers;

namespace MusicBlazor.Tests.Subscribers;

/// <summary>Several servers on PostgreSQL: each subscriber runs on exactly one of them, and another takes over when it stops.</summary>
public sealed class SubscriberLeaseTests
{
    private static Action<IServiceCollection> With(RecordingSubscriber subscriber) => services =>
    {
        services.AddSingleton<IChangeSubscriber>(subscriber);
        services.Configure<SubscriberOptions>(o => o.LeaseRetry = TimeSpan.FromMilliseconds(100));
    };

    [PostgresFact]
    public async Task EachSubscriberRunsOnOneServerAndAnotherTakesOverWhenItStops()
    {
        var onA = new RecordingSubscriber("audit");
        var onB = new RecordingSubscriber("audit");
        await using var a = await TestApp.StartFirstServerAsync(With(onA));
        await using var b = await a.StartSecondServerAsync(With(onB));
        await a.StartSubscribersAsync();
        await Eventually.TrueAsync(() => a.Subscribers.Statuses[0].State == SubscriberState.Running, "a runs the subscriber");
        await b.StartSubscribersAsync();
        await Eventually.TrueAsync(() => b.Subscribers.Statuses[0].State == SubscriberState.Standby, "b stands by");

        var admin = await a.CreateUserAsync(Roles.Admin);
        for (var i = 0; i < 10; i++)
        {
            await a.CreateArtistAsync(admin, $"While A Runs {i}");
        }

        var head = await a.LogHeadAsync();
        await Eventually.TrueAsync(() => onA.Effects.Any(e => e.Sequence == head), "a handled everything");
        Assert.Empty(onB.Effects);

        await a.StopSubscribersAsync();
        await Eventually.TrueAsync(() => b.Subscribers.Statuses[0].State == SubscriberState.Running, "b took over");
        await b.CreateArtistAsync(admin, "After The Takeover");
        var after = await b.LogHeadAsync();
        await Eventually.TrueAsync(() => onB.Effects.Any(e => e.Sequence == after), "b handled the change after the takeover");

        // Between them every change once: b started where a's saved position was.
        var handled = onA.Effects.Concat(onB.Effects).Select(e => e.Sequence).ToList();
        var what = $"a handled {string.Join(",", onA.Effects.Select(e => e.Sequence))}; b handled {string.Join(",", onB.Effects.Select(e => e.Sequence))}";
        Assert.True(handled.Distinct().Count() == handled.Count, what);
        Assert.True(Enumerable.Range((int)handled.Min(), (int)(after - handled.Min() + 1)).Select(i => (long)i).SequenceEqual(handled.Order()), what);
    }
}
