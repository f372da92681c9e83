using Microsoft.EntityFrameworkCore;
using MusicBlazor.Common;
using MusicBlazor.Data;
using MusicBlazor.Data.ChangeLog;

namespace MusicBlazor.Subscribers;

/// <summary>
/// Feeds one subscriber: takes its lease, reads the log after its saved position in batches, hands it each change in
/// order, and saves the position after each batch. A change that throws is retried with exponential backoff and,
/// after the last attempt, written to <c>DeadLetters</c>; the subscriber then goes on with the changes behind it.
/// Each subscriber has a runner (and a task) of its own, so a slow or failing one delays no other, nor the writer,
/// nor live delivery: none of them waits for it.
/// </summary>
internal sealed class SubscriberRunner(
    IChangeSubscriber subscriber, SubscriberStatus status, IDbContextFactory<MusicDbContext> dbFactory, ChangeLogReader log,
    SubscriberDoorbell doorbell, ISubscriberLeases leases, SubscriberOptions options, SubscriberProgress progress, TimeProvider clock, ILogger logger)
{
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var lease = await leases.TryAcquireAsync(subscriber.Name, stoppingToken);
                if (lease is null)
                {
                    status.State = SubscriberState.Standby;
                    await Task.Delay(options.LeaseRetry, stoppingToken);
                    continue;
                }

                await FeedAsync(lease, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Subscriber {Subscriber} stopped at {Position}; starting again", subscriber.Name, status.Position);
                await Task.Delay(options.LeaseRetry, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        status.State = SubscriberState.Stopped;
    }

    /// <summary>Runs while the lease is held; returns when it is lost.</summary>
    private async Task FeedAsync(ISubscriberLease lease, CancellationToken stoppingToken)
    {
        var position = await LoadPositionAsync(stoppingToken);
        status.State = SubscriberState.Running;
        while (await lease.StillHeldAsync(stoppingToken))
        {
            var rang = doorbell.Next;
            var batch = await log.ReadAfterAsync(position, options.BatchSize, stoppingToken, withFields: true);
            if (batch.Count == 0)
            {
                await rang.WaitAsync(options.PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                stoppingToken.ThrowIfCancellationRequested();
                continue;
            }

            var saved = position;
            try
            {
                foreach (var change in batch)
                {
                    if (!change.Suppressed || subscriber.ReceivesSuppressed)
                    {
                        await HandleAsync(change, stoppingToken);
                    }

                    position = change.Sequence;
                    status.MovedTo(position);
                }
            }
            finally
            {
                // Also when stopping mid-batch: what was handled is not handed over again after a restart.
                if (position > saved)
                {
                    await SavePositionAsync(position, CancellationToken.None);
                }
            }
        }
    }

    private async Task HandleAsync(ChangeEvent change, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await subscriber.HandleAsync(change, stoppingToken);
                status.CountHandled();
                status.State = SubscriberState.Running;
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                if (attempt >= options.MaxAttempts)
                {
                    logger.LogError(ex, "Subscriber {Subscriber} gave up on change {Sequence} after {Attempts} attempts", subscriber.Name, change.Sequence, attempt);
                    await DeadLetterAsync(change, attempt, ex, stoppingToken);
                    status.State = SubscriberState.Running;
                    return;
                }

                status.State = SubscriberState.Retrying;
                var wait = options.FirstRetry * Math.Pow(2, attempt - 1);
                logger.LogWarning("Subscriber {Subscriber} failed on change {Sequence} (attempt {Attempt}): {Error}; retrying in {Wait} ms",
                    subscriber.Name, change.Sequence, attempt, ex.Message, wait.TotalMilliseconds);
                await Task.Delay(wait, stoppingToken);
            }
        }
    }

    /// <summary>A new subscriber starts at the log's head: it handles what happens from now on.</summary>
    private async Task<long> LoadPositionAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var saved = await db.SubscriberPositions.AsNoTracking().FirstOrDefaultAsync(p => p.Name == subscriber.Name, cancellationToken);
        if (saved is null)
        {
            saved = new SubscriberPosition { Name = subscriber.Name, Position = await ChangeLogPosition.ReadAsync(db, cancellationToken), UpdatedAt = Now };
            db.SubscriberPositions.Add(saved);
            await db.SaveChangesAsync(cancellationToken);
        }

        status.MovedTo(saved.Position);
        progress.Report(subscriber.Name, saved.Position);
        return saved.Position;
    }

    private async Task SavePositionAsync(long position, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.SubscriberPositions.Where(p => p.Name == subscriber.Name)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Position, position).SetProperty(p => p.UpdatedAt, Now), cancellationToken);
        progress.Report(subscriber.Name, position);
    }

    private async Task DeadLetterAsync(ChangeEvent change, int attempts, Exception error, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var message = $"{error.GetType().Name}: {error.Message}";
        db.DeadLetters.Add(new DeadLetter
        {
            Subscriber = subscriber.Name,
            Sequence = change.Sequence,
            Attempts = attempts,
            Error = message.Length > DeadLetter.ErrorMaxLength ? message[..DeadLetter.ErrorMaxLength] : message,
            At = Now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            status.CountDeadLetter();
        }
        catch (SaveFailedException ex) when (ex.IsDuplicate)
        {
            // Dead-lettered already, before a crash replayed it.
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
