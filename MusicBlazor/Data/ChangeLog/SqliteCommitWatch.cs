using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MusicBlazor.Data.ChangeLog;

/// <summary>
/// SQLite: notices commits made by anyone, the app's other connections and other programs alike, for the price of one
/// pragma: SQLite's <c>data_version</c> changes for a connection whenever another connection commits. Keeps one
/// connection open for that; it never reads the log itself.
/// </summary>
public sealed class SqliteCommitWatch(IDbContextFactory<MusicDbContext> dbFactory) : ICommitWatch, IAsyncDisposable
{
    private SqliteConnection? _connection;
    private long _seen = -1;

    public async Task<bool> CommittedSinceLastAskedAsync(CancellationToken cancellationToken = default)
    {
        _connection ??= await OpenAsync(cancellationToken);
        await using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA data_version;";
        var version = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        var changed = version != _seen;
        _seen = version;
        return changed;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = new SqliteConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
