using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MusicBlazor.Data;
using MusicBlazor.Data.ChangeLog;

namespace MusicBlazor.Subscribers;

/// <summary>Runs every registered <see cref="IChangeSubscriber"/>, each on its own task (<see cref="SubscriberRunner"/>).</summary>
public sealed class SubscriberHost(
    IEnumerable<IChangeSubscriber> subscribers, IDbContextFactory<MusicDbContext> dbFactory, ChangeLogReader log, SubscriberDoorbell doorbell,
    ISubscriberLeases leases, IOptions<SubscriberOptions> options, SubscriberProgress progress, TimeProvider clock, ILoggerFactory loggers)
    : BackgroundService
{
    private readonly IReadOnlyList<IChangeSubscriber> _subscribers = subscribers.ToList();

    /// <summary>One per registered subscriber, in registration order.</summary>
    public IReadOnlyList<SubscriberStatus> Statuses { get; } = subscribers.Select(s => new SubscriberStatus(s.Name)).ToList();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_subscribers.Select((subscriber, i) => Task.Run(
            () => new SubscriberRunner(subscriber, Statuses[i], dbFactory, log, doorbell, leases, options.Value, progress, clock,
                loggers.CreateLogger($"{typeof(SubscriberRunner).FullName}.{subscriber.Name}")).RunAsync(stoppingToken),
            CancellationToken.None)));
}
