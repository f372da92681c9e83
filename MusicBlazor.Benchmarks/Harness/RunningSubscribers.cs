using System.Diagnostics;
using MusicBlazor.Activity;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Hosting;
using MusicBlazor.Notifications.Email;
using MusicBlazor.Subscribers;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// The app's background subscribers (audit trail, activity feed, follower e-mails, metrics) on a bench host: registered
/// with the app's own method, started and stopped as its host would, and watched until they reach the log's head.
/// </summary>
internal sealed class RunningSubscribers(BenchHost host)
{
    /// <summary>The app's registration (<c>AddMusicBlazor</c> calls it too); mail goes to the development mailbox.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddBackgroundSubscribers();
        services.Configure<PublicUrlOptions>(o => o.PublicBaseUrl = "https://music.example/");
    }

    private SubscriberHost Runtime => host.Services.GetRequiredService<SubscriberHost>();

    public IReadOnlyList<SubscriberStatus> Statuses => Runtime.Statuses;

    public Task<long> HeadAsync() => host.Services.GetRequiredService<ChangeLogReader>().HeadAsync();

    /// <summary>Starts (or restarts) the subscriber host and waits until each subscriber runs.</summary>
    public async Task StartAsync()
    {
        await Runtime.StartAsync(CancellationToken.None);
        var deadline = Stopwatch.GetTimestamp() + 30 * Stopwatch.Frequency;
        while (Statuses.Any(s => s.State != SubscriberState.Running))
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new InvalidOperationException("The subscribers did not start: " + string.Join(", ", Statuses.Select(s => $"{s.Name} {s.State}")));
            }

            await Task.Delay(5);
        }
    }

    public Task StopAsync() => Runtime.StopAsync(CancellationToken.None);

    /// <summary>
    /// Waits until every subscriber's saved position reaches <paramref name="head"/> (<see cref="SubscriberProgress"/>)
    /// and returns, per subscriber, the Stopwatch timestamp at which it did.
    /// </summary>
    public async Task<Dictionary<string, long>> ReachedAsync(long head, TimeSpan timeout)
    {
        var progress = host.Services.GetRequiredService<SubscriberProgress>();
        var reached = await Task.WhenAll(Statuses.Select(async status =>
        {
            if (!await progress.WaitForAsync(status.Name, head, timeout))
            {
                throw new TimeoutException($"{status.Name} did not reach {head} in {timeout.TotalSeconds} s (at {status.Position}).");
            }

            return (status.Name, At: Stopwatch.GetTimestamp());
        }));
        return reached.ToDictionary(r => r.Name, r => r.At);
    }
}
