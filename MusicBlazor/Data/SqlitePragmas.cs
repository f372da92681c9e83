using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace MusicBlazor.Data;

/// <summary>
/// Per-connection SQLite settings. WAL itself is persistent and set once at start-up (DatabaseInitializer);
/// synchronous=NORMAL is the recommended, still durable-on-commit-to-WAL, setting for WAL. The automatic checkpoint
/// is off: <see cref="WalCheckpointer"/> runs it in the background instead of inside some writer's commit.
/// A pragma lasts as long as the native connection, which Microsoft.Data.Sqlite keeps in its pool across
/// SqliteConnection objects, so it runs once per native handle rather than on every open.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const string PerConnection = "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0;";
    private static readonly object Applied = new();

    // Keyed by the native handle, weakly: a handle closed for good (pool cleared) drops out by itself.
    private readonly ConditionalWeakTable<sqlite3, object> _configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsPragmas(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = PerConnection;
            command.ExecuteNonQuery();
            MarkConfigured(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsPragmas(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = PerConnection;
            await command.ExecuteNonQueryAsync(cancellationToken);
            MarkConfigured(connection);
        }
    }

    private bool NeedsPragmas(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || !_configured.TryGetValue(handle, out _);

    // Only after the pragma ran: a failed one is tried again on the next open.
    private void MarkConfigured(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            _configured.AddOrUpdate(handle, Applied);
        }
    }
}
