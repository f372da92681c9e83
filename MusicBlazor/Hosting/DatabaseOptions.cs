using Microsoft.Data.Sqlite;
using MusicBlazor.Data.Providers;

namespace MusicBlazor.Hosting;

public static class DatabaseConnection
{
    public const string ConnectionStringName = "Catalog";
    public const string Setting = "ConnectionStrings:" + ConnectionStringName;

    /// <summary>The configured connection string; its absence is a start-up error naming the setting.</summary>
    public static string Read(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } connectionString
            ? connectionString
            : throw new DatabaseStartupException($"{Setting} is not set (appsettings.json, or the environment variable ConnectionStrings__{ConnectionStringName}).");

    /// <summary>
    /// The SQLite connection string with a relative file path resolved against the content root (so the database
    /// is the same whichever folder the app is started from), and that file's folder created.
    /// </summary>
    public static string ResolveSqlite(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } path && path != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var fullPath = Path.GetFullPath(path, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            builder.DataSource = fullPath;
        }

        return builder.ToString();
    }
}
