using System.Data;
using System.Data.Common;

namespace MusicBlazor.Data.ChangeLog;

/// <summary>
/// PostgreSQL: the actor, suppression and fan-out marker are transaction-local settings (<c>set_config(…, true)</c>),
/// which the triggers read with <c>current_setting</c>; they vanish at commit or rollback, so nothing is cleared.
/// </summary>
/// <remarks>
/// Sequences from a sequence object are handed out at insert, not at commit: with two writers 102 can commit before
/// 101, and a follower that read 102 and moved past it would never see 101. So the log is not numbered that way.
/// Its function (migration <c>PostgresChangeLog</c>) takes a transaction-scoped advisory lock before every statement
/// that writes a logged table, and numbers rows from the one-row <c>ChangeLogHead</c> counter: writers of the log
/// commit one at a time, sequences become visible in order and without gaps (a rollback returns its numbers), as on
/// SQLite, and "read after my position" never skips one. The price is that those writers are serialized, as SQLite
/// serializes every writer.
/// </remarks>
internal sealed class PostgresChangeLogSql : ChangeLogSql
{
    public static readonly PostgresChangeLogSql Instance = new();

    public override string Head => """SELECT "Sequence" FROM "ChangeLogHead" """;

    public override void WriteContext(DbCommand command, Guid? actor, string? suppressedBecause)
    {
        command.CommandText = """
            SELECT set_config('musicblazor.context', '1', true), set_config('musicblazor.actor', @actor, true),
                   set_config('musicblazor.suppressed', @suppressed, true), set_config('musicblazor.fan_out', '0', true);
            """;
        Add(command, "@actor", actor?.ToString() ?? "");
        Add(command, "@suppressed", suppressedBecause is null ? "0" : "1");
    }

    public override string? ClearContext => null;

    public override bool PredatesTheLog(DbException exception) => false;

    // The insert trigger skips rows written while fan_out is on. As on SQLite, only inside one of the app's
    // transactions (musicblazor.context): otherwise the trigger logs each notification itself.
    public override FormattableString NotificationsForNewAlbum(Guid albumId, Guid artistId, Guid creator, DateTime now) => $"""
        SELECT set_config('musicblazor.fan_out', '1', true) WHERE current_setting('musicblazor.context', true) = '1';
        WITH inserted AS (
            INSERT INTO "Notifications" ("UserId", "AlbumId", "CreatedAt")
            SELECT f."UserId", {albumId}, {now}
            FROM "ArtistFollowers" AS f
            WHERE f."ArtistId" = {artistId} AND f."UserId" <> {creator}
            RETURNING 1)
        SELECT musicblazor_log(0, 4, {albumId}, {artistId}, {albumId}, NULL)
        WHERE current_setting('musicblazor.fan_out', true) = '1' AND EXISTS (SELECT 1 FROM inserted);
        SELECT set_config('musicblazor.fan_out', '0', true);
        """;

    /// <summary>REPEATABLE READ: every statement sees the snapshot its first statement took.</summary>
    public override async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
}
