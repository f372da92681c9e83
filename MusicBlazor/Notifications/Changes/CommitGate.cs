using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MusicBlazor.Data;

namespace MusicBlazor.Notifications.Changes;

/// <summary>
/// The commit gate: captured changes reach the bus only once the transaction that wrote them has committed.
/// A save with no explicit transaction publishes when it completes (EF may run it with no transaction at all,
/// dotnet/efcore#27439); inside an explicit transaction the changes wait for TransactionCommitted.
/// Rollback, failure, or a transaction abandoned without commit releases nothing.
/// </summary>
public sealed class CommitGate(IChangePublisher publisher, ILogger<CommitGate> logger) : DbTransactionInterceptor
{
    internal void SaveSucceeded(DbContext? context)
    {
        if (context is MusicDbContext db)
        {
            Release(db.PendingChanges.SaveSucceeded(db.Database.CurrentTransaction is not null));
        }
    }

    internal void SaveFailed(DbContext? context)
    {
        if (context is MusicDbContext db)
        {
            db.PendingChanges.SaveFailed();
        }
    }

    internal void Executed(MusicDbContext db, IReadOnlyList<ChangeEvent> changes) =>
        Release(db.PendingChanges.Executed(changes, db.Database.CurrentTransaction is not null));

    // A transaction disposed without commit raises no event: whatever it left behind is dropped here.
    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        DiscardAbandoned(eventData.Context);
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        DiscardAbandoned(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        ReleaseCommitted(eventData.Context);

    public override Task TransactionCommittedAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseCommitted(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        Discard(eventData.Context);

    public override Task TransactionRolledBackAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        Discard(eventData.Context);

    public override Task TransactionFailedAsync(
        DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    private void ReleaseCommitted(DbContext? context)
    {
        if (context is MusicDbContext db)
        {
            Release(db.PendingChanges.Committed());
        }
    }

    private static void DiscardAbandoned(DbContext? context)
    {
        if (context is MusicDbContext db)
        {
            db.PendingChanges.DiscardAwaitingCommit();
        }
    }

    private static void Discard(DbContext? context)
    {
        if (context is MusicDbContext db)
        {
            db.PendingChanges.Discard();
        }
    }

    private void Release(IReadOnlyList<ChangeEvent> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        try
        {
            publisher.Publish(changes);
        }
        catch (Exception ex)
        {
            // The data is committed; a publishing fault must not turn a successful write into an error.
            logger.LogError(ex, "Publishing {Count} committed changes failed", changes.Count);
        }
    }
}
