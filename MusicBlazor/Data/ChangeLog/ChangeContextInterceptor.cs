using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MusicBlazor.Data.ChangeLog;

/// <summary>
/// Tells the log's triggers who is writing. Each transaction the app begins first writes its actor and suppression
/// into the one-row <c>ChangeContext</c> table, and clears it again just before it commits: SQLite runs one write
/// transaction at a time, so the row is that transaction's own, and writes from outside the app (which never set
/// it) are logged with no actor. After the commit it rings the log reader, so the app's own changes go out at once.
/// Nothing is published here: whatever a rolled-back transaction logged is rolled back with it.
/// </summary>
public sealed class ChangeContextInterceptor(ChangeLogSignal signal) : DbTransactionInterceptor
{
    private const string Clear = """DELETE FROM "ChangeContext";""";

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        using var command = SetContext(connection, result, eventData.Context);
        Run(() => command.ExecuteNonQuery());
        return result;
    }

    public override async ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        await using var command = SetContext(connection, result, eventData.Context);
        await RunAsync(() => command.ExecuteNonQueryAsync(cancellationToken));
        return result;
    }

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        using var command = Command(transaction.Connection!, transaction, Clear);
        Run(() => command.ExecuteNonQuery());
        return result;
    }

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        await using var command = Command(transaction.Connection!, transaction, Clear);
        await RunAsync(() => command.ExecuteNonQueryAsync(cancellationToken));
        return result;
    }

    // Until the migration that creates the log has run (migrations run in transactions too) there is nothing to tell.
    private static bool PredatesTheLog(SqliteException ex) => ex.SqliteErrorCode == 1 && ex.Message.Contains("no such table: ChangeContext");

    private static void Run(Func<int> execute)
    {
        try
        {
            execute();
        }
        catch (SqliteException ex) when (PredatesTheLog(ex))
        {
        }
    }

    private static async Task RunAsync(Func<Task<int>> execute)
    {
        try
        {
            await execute();
        }
        catch (SqliteException ex) when (PredatesTheLog(ex))
        {
        }
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => signal.Ring();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.Ring();
        return Task.CompletedTask;
    }

    private static DbCommand SetContext(DbConnection connection, DbTransaction transaction, DbContext? context)
    {
        var command = Command(connection, transaction, """
            INSERT OR REPLACE INTO "ChangeContext" ("Id", "ActorId", "Suppressed", "Reason", "FanOut") VALUES (1, $actor, $suppressed, $reason, 0);
            """);
        var actor = (context as MusicDbContext)?.Actor.UserId;
        var reason = Changes.SuppressedBecause;
        Add(command, "$actor", actor is { } id ? GuidText.Of(id) : DBNull.Value);
        Add(command, "$suppressed", reason is null ? 0 : 1);
        Add(command, "$reason", (object?)reason ?? DBNull.Value);
        return command;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
