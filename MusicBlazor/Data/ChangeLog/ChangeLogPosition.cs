using Microsoft.EntityFrameworkCore;
using System.Data.Common;

namespace MusicBlazor.Data.ChangeLog;

/// <summary>
/// Positions in the change log: the highest sequence ever assigned (it survives pruning), and reads that come with
/// the position they reflect, so that a live view can apply exactly the changes committed after its read.
/// </summary>
public static class ChangeLogPosition
{
    /// <summary>On SQLite, the highest sequence ever assigned: <c>sqlite_sequence</c> keeps it even when the log is empty.</summary>
    public const string Sql = """SELECT coalesce((SELECT "seq" FROM "sqlite_sequence" WHERE "name" = 'ChangeLog'), 0)""";

    public static async Task<long> ReadAsync(MusicDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await ReadAsync(db.Database.GetDbConnection(), null, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>One plain command on an open connection, in <paramref name="transaction"/>: it sits on every live read.</summary>
    private static async Task<long> ReadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = ChangeLogSql.For(connection).Head;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }

    /// <summary>
    /// Runs <paramref name="read"/> and reads the log's position in one snapshot (<see cref="ChangeLogSql.BeginSnapshotAsync"/>).
    /// </summary>
    public static async Task<Positioned<T>> ReadAtPositionAsync<T>(
        this IDbContextFactory<MusicDbContext> dbFactory, Func<MusicDbContext, Task<T>> read, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var snapshot = await ChangeLogSql.For(connection).BeginSnapshotAsync(connection, cancellationToken);
            await db.Database.UseTransactionAsync(snapshot, cancellationToken);
            var position = await ReadAsync(connection, snapshot, cancellationToken);
            var value = await read(db);
            await snapshot.CommitAsync(cancellationToken);
            return new Positioned<T>(value, position);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>What a read saw, and the last change log sequence it includes.</summary>
public sealed record Positioned<T>(T Value, long Position);
