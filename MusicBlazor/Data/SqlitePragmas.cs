using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MusicBlazor.Data;

/// <summary>
/// Per-connection SQLite settings. WAL itself is persistent and set once at start-up (DatabaseInitializer);
/// synchronous=NORMAL is the recommended, still durable-on-commit-to-WAL, setting for WAL.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
