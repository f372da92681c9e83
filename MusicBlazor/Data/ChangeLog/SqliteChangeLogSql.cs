using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace MusicBlazor.Data.ChangeLog;

/// <summary>
/// SQLite: the one-row <c>ChangeContext</c> table carries the actor to the triggers. SQLite runs one write
/// transaction at a time, so the row is that transaction's own; it is cleared before the commit, so writes from
/// outside the app (which never set it) are logged with no actor. Commit order is sequence order by construction.
/// </summary>
internal sealed class SqliteChangeLogSql : ChangeLogSql
{
    public static readonly SqliteChangeLogSql Instance = new();

    public override string Head => ChangeLogPosition.Sql;

    public override void WriteContext(DbCommand command, Guid? actor, string? suppressedBecause)
    {
        command.CommandText = """
            INSERT OR REPLACE INTO "ChangeContext" ("Id", "ActorId", "Suppressed", "Reason", "FanOut") VALUES (1, @actor, @suppressed, @reason, 0);
            """;
        Add(command, "@actor", actor is { } id ? GuidText.Of(id) : DBNull.Value);
        Add(command, "@suppressed", suppressedBecause is null ? 0 : 1);
        Add(command, "@reason", (object?)suppressedBecause ?? DBNull.Value);
    }

    public override string ClearContext => """DELETE FROM "ChangeContext";""";

    public override bool PredatesTheLog(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 1 } && exception.Message.Contains("no such table: ChangeContext");

    // changes() is the row count of the insert just before it. Without a transaction there is no context row: the
    // trigger then logs each notification itself, and this writes no log row.
    public override FormattableString NotificationsForNewAlbum(Guid albumId, Guid artistId, Guid creator, DateTime now) => $"""
        UPDATE "ChangeContext" SET "FanOut" = 1;
        INSERT INTO "Notifications" ("UserId", "AlbumId", "CreatedAt")
        SELECT f."UserId", {albumId}, {now}
        FROM "ArtistFollowers" AS f
        WHERE f."ArtistId" = {artistId} AND f."UserId" <> {creator};
        INSERT INTO "ChangeLog" ("Operation", "Entity", "EntityId", "ArtistId", "AlbumId", "ActorId", "Suppressed", "Transaction")
        SELECT 0, 4, {albumId}, {artistId}, {albumId}, "ActorId", "Suppressed", "Transaction" FROM "ChangeContext" WHERE changes() > 0;
        UPDATE "ChangeContext" SET "FanOut" = 0;
        """;

    /// <summary>A deferred transaction: its first read fixes what every later read sees (WAL mode), and it takes no write lock.</summary>
    public override Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));
}
