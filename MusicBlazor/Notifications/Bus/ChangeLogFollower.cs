using Microsoft.Extensions.Options;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Subscribers;

namespace MusicBlazor.Notifications.Bus;

/// <summary>
/// Follows the change log from the position it started at and publishes every committed change, in sequence order,
/// to the bus. It wakes when the app commits (<see cref="ChangeLogSignal"/>) and otherwise asks every
/// <see cref="ChangeLogOptions.PollInterval"/> whether anyone committed (<see cref="ICommitWatch"/>: on SQLite one
/// pragma, which is how writes from other programs arrive; on PostgreSQL whether a LISTEN notification came, which is
/// how other servers' commits arrive, see <see cref="PostgresChangeListener"/>); only then does it read the log's next
/// range. It reads only committed rows, so nothing a rollback removed can ever be published. Sequences become visible
/// in order, so reading "after my position" never skips one: SQLite commits one writer at a time, and on PostgreSQL
/// the log's writers are serialized by the log itself (<see cref="PostgresChangeLogSql"/>). Every server runs one, so
/// each delivers every change once, in order, whichever server committed it.
/// </summary>
public sealed class ChangeLogFollower(
    ChangeLogReader log, ChangeLogSignal signal, ICommitWatch commits, IChangePublisher publisher, SubscriberDoorbell subscribers,
    IOptions<ChangeLogOptions> options,
    ILogger<ChangeLogFollower> logger)
    : BackgroundService
{
    public const int BatchSize = 500;

    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMilliseconds(250);

    private readonly SemaphoreSlim _reading = new(1, 1);
    private long _position;

    /// <summary>The last sequence published.</summary>
    public long Position => Interlocked.Read(ref _position);

    /// <summary>Live pages want what happens from now on: the follower starts at the log's current head.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _position, await log.HeadAsync(cancellationToken));
        signal.ReadUpTo(Position);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var rang = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            var failed = false;
            try
            {
                // Asked after a ring too (no short-circuit), so the next poll does not read again for the same commit.
                if (rang | await commits.CommittedSinceLastAskedAsync(stoppingToken))
                {
                    await CatchUpAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Reading the change log after {Position} failed; trying again", Position);
                failed = true;
            }

            // A failed read is tried again soon whatever happens: the ring or notification that asked for it has been
            // used up, and (a pooled connection the database ended, say) nothing else may ask until the next commit.
            rang = await signal.WaitAsync(failed ? RetryAfterFailure : options.Value.PollInterval, stoppingToken) | failed;
        }
    }

    /// <summary>Publishes everything committed after <see cref="Position"/>.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        // One reader at a time, or two could publish the same range.
        await _reading.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var batch = await log.ReadAfterAsync(Position, BatchSize, cancellationToken);
                if (batch.Count == 0)
                {
                    return;
                }

                publisher.Publish(batch);
                Interlocked.Exchange(ref _position, batch[^1].Sequence);
                signal.ReadUpTo(Position);
                subscribers.Ring();
                if (batch.Count < BatchSize)
                {
                    return;
                }
            }
        }
        finally
        {
            _reading.Release();
        }
    }
}
