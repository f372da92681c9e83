using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MusicBlazor.Data;

/// <summary>
/// Moves committed pages from SQLite's write-ahead log into the database file, off the request path. The app's
/// connections turn SQLite's automatic checkpoint off (<see cref="SqlitePragmas"/>): left on, whichever writer's commit
/// pushed the log past 1,000 pages ran the checkpoint inside its own commit, and a user's album save took 25–30 ms
/// longer at 10,000 followers (MusicBlazor.Benchmarks, fan-out write). PASSIVE never waits for readers or writers;
/// pages a reader still needs are copied on a later tick.
/// </summary>
public sealed class WalCheckpointer(IDbContextFactory<MusicDbContext> dbFactory, TimeProvider clock, ILogger<WalCheckpointer> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <returns>How many log pages are in the database file now, and how many the log holds.</returns>
    public async Task<(long Checkpointed, long InLog)> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var connection = new SqliteConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(2), reader.GetInt64(1));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckpointAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Checkpointing the SQLite write-ahead log failed; it will be tried again");
            }
        }
    }
}
