using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MusicBlazor.Data.ChangeLog;

/// <summary>
/// Prunes the log by age. Deletes in small batches, each its own short transaction, so a writer never waits long
/// behind it; the highest sequence survives (SQLite: <c>sqlite_sequence</c>, PostgreSQL: <c>ChangeLogHead</c>), so positions keep increasing.
/// </summary>
public sealed class ChangeLogRetention(
    IDbContextFactory<MusicDbContext> dbFactory, IOptions<ChangeLogOptions> options, TimeProvider clock, ILogger<ChangeLogRetention> logger)
    : BackgroundService
{
    public const int BatchSize = 1000;

    /// <returns>How many changes were pruned.</returns>
    public async Task<int> PruneAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.Retention;
        var pruned = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var batch = await db.ChangeLog.Where(e => e.At < cutoff).OrderBy(e => e.Sequence).Take(BatchSize).ExecuteDeleteAsync(cancellationToken);
            pruned += batch;
            if (batch < BatchSize)
            {
                return pruned;
            }
        }
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
