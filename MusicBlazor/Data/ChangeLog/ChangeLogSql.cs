using System.Data.Common;
using Npgsql;

namespace MusicBlazor.Data.ChangeLog;

/// <summary>
/// The few statements around the change log that differ by provider: how a transaction tells the log's triggers
/// who is writing (and that an album's notifications are being fanned out), where the log's head is kept, and how a
/// read gets one snapshot. The triggers themselves live in each provider's migrations (SQLite: <c>ChangeLog</c>,
/// PostgreSQL: <c>Postgres/PostgresChangeLog</c>).
/// </summary>
internal abstract class ChangeLogSql
{
    public static ChangeLogSql For(DbConnection connection) => connection is NpgsqlConnection ? PostgresChangeLogSql.Instance : SqliteChangeLogSql.Instance;

    /// <summary>The highest sequence ever assigned (kept when the log is pruned), as one scalar query.</summary>
    public abstract string Head { get; }

    /// <summary>Fills <paramref name="command"/> to run first in each of the app's transactions.</summary>
    public abstract void WriteContext(DbCommand command, Guid? actor, string? suppressedBecause);

    /// <summary>What to run just before the commit, if anything.</summary>
    public abstract string? ClearContext { get; }

    /// <summary>Whether the failure only means the log's migration has not run yet (migrations run in transactions too).</summary>
    public abstract bool PredatesTheLog(DbException exception);

    /// <summary>
    /// One command: a notification for every follower of <paramref name="artistId"/> except <paramref name="creator"/>,
    /// logged as one change for the album (the row trigger is told to skip them), and no change when nobody follows.
    /// </summary>
    public abstract FormattableString NotificationsForNewAlbum(Guid albumId, Guid artistId, Guid creator, DateTime now);

    /// <summary>A read-only transaction whose reads all see one committed state.</summary>
    public abstract Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken);

    protected static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
