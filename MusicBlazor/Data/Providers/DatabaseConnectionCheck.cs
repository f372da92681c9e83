using System.Data.Common;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using MusicBlazor.Hosting;

namespace MusicBlazor.Data.Providers;

/// <summary>
/// Opens one connection before anything else uses the database, outside EF (whose logging would print the failure
/// with its stack trace), so that a wrong connection string or an unreachable server is one line naming the setting.
/// </summary>
internal static class DatabaseConnectionCheck
{
    public static async Task EnsureOpensAsync(MusicDbContext db, CancellationToken cancellationToken)
    {
        var provider = db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        try
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(cancellationToken);
            await connection.CloseAsync();
        }
        catch (Exception ex) when (ex is DbException or ArgumentException or InvalidOperationException or SocketException or TimeoutException)
        {
            throw new DatabaseStartupException(
                $"Cannot open the database set in {DatabaseConnection.Setting} ({DatabaseProviderSetting.Key} = {provider}): {Describe(ex)}", ex);
        }
    }

    private static string Describe(Exception exception)
    {
        var messages = new List<string>();
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (!messages.Contains(ex.Message))
            {
                messages.Add(ex.Message.TrimEnd('.'));
            }
        }

        return string.Join(": ", messages).ReplaceLineEndings(" ") + ".";
    }
}
