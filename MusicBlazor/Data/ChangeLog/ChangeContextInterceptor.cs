using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MusicBlazor.Data.ChangeLog;

/// <summary>
/// Tells the log's triggers who is writing: each transaction the app begins first records its actor and suppression
/// (how depends on the provider, <see cref="ChangeLogSql"/>), and clears them again just before it commits where the
/// provider needs that. After the commit it rings the log reader, so the app's own changes go out at once.
/// Nothing is published here: whatever a rolled-back transaction logged is rolled back with it.
/// </summary>
public sealed class ChangeContextInterceptor(ChangeLogSignal signal) : DbTransactionInterceptor
{
    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        var sql = ChangeLogSql.For(connection);
        using var command = Command(connection, result);
        sql.WriteContext(command, (eventData.Context as MusicDbContext)?.Actor.UserId, Changes.SuppressedBecause);
        Run(sql, () => command.ExecuteNonQuery());
        return result;
    }

    public override async ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        var sql = ChangeLogSql.For(connection);
        await using var command = Command(connection, result);
        sql.WriteContext(command, (eventData.Context as MusicDbContext)?.Actor.UserId, Changes.SuppressedBecause);
        await RunAsync(sql, () => command.ExecuteNonQueryAsync(cancellationToken));
        return result;
    }

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        var sql = ChangeLogSql.For(transaction.Connection!);
        if (sql.ClearContext is { } clear)
        {
            using var command = Command(transaction.Connection!, transaction);
            command.CommandText = clear;
            Run(sql, () => command.ExecuteNonQuery());
        }

        return result;
    }

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        var sql = ChangeLogSql.For(transaction.Connection!);
        if (sql.ClearContext is { } clear)
        {
            await using var command = Command(transaction.Connection!, transaction);
            command.CommandText = clear;
            await RunAsync(sql, () => command.ExecuteNonQueryAsync(cancellationToken));
        }

        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => signal.Ring();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.Ring();
        return Task.CompletedTask;
    }

    private static void Run(ChangeLogSql sql, Func<int> execute)
    {
        try
        {
            execute();
        }
        catch (DbException ex) when (sql.PredatesTheLog(ex))
        {
        }
    }

    private static async Task RunAsync(ChangeLogSql sql, Func<Task<int>> execute)
    {
        try
        {
            await execute();
        }
        catch (DbException ex) when (sql.PredatesTheLog(ex))
        {
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        return command;
    }
}
