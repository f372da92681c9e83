using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MusicBlazor.Subscribers;

namespace MusicBlazor.Data.ChangeLog;

/// <summary>
/// Prunes the log by age, but never past a registered subscriber's position. Deletes in small batches, each its own short transaction, so a writer never waits long
/// behind it; the highest sequence survives (SQLite: <c>sqlite_sequence</c>, PostgreSQL: <c>ChangeLogHead</c>), so positions keep increasing.
/// </summary>
public sealed class ChangeLogRetention(
    IDbContextFactory<MusicDbContext> dbFactory, IOptions<ChangeLogOptions> options, TimeProvider clock, IEnumerable<IChangeSubscriber> subscribers,
    ILogger<ChangeLogRetention> logger)
    : BackgroundService
{
    public const int BatchSize = 1000;

    /// <returns>How many changes were pruned.</returns>
    public async Task<int> PruneAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.Retention;
        var floor = await SubscribersFloorAsync(cancellationToken);
        var pruned = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var batch = await db.ChangeLog.Where(e => e.At < cutoff && e.Sequence <= floor).OrderBy(e => e.Sequence).Take(BatchSize)
                .ExecuteDeleteAsync(cancellationToken);
            pruned += batch;
            if (batch < BatchSize)
            {
                return pruned;
            }
        }
    }

    /// <summary>The lowest position of this app's subscribers: what they have not handled yet stays, however old.</summary>
    private async Task<long> SubscribersFloorAsync(CancellationToken cancellationToken)
    {
        var names = subscribers.Select(s => s.Name).ToList();
        if (names.Count == 0)
        {
            return long.MaxValue;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SubscriberPositions.Where(p => names.Contains(p.Name)).MinAsync(p => (long?)p.Position, cancellationToken) ?? long.MaxValue;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PruneInterval, clock);
        do
        {
            try
            {
                var pruned = await PruneAsync(stoppingToken);
                if (pruned > 0)
                {
                    logger.LogInformation("Pruned {Count} changes older than {Retention} from the change log", pruned, options.Value.Retention);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Pruning the change log failed; it will be tried again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
