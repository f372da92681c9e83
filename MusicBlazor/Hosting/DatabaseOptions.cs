using Microsoft.Data.Sqlite;

namespace MusicBlazor.Hosting;

public static class DatabaseConnection
{
    public const string ConnectionStringName = "Catalog";

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
