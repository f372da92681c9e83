using System.Text;
using System.Data.Common;
using MusicBlazor.Data.Providers;

namespace MusicBlazor.Tests.Infrastructure;

/// <summary>
/// Every row of every table (the full-text index's own tables included), read on a separate connection: equal
/// snapshots mean nothing was written.
/// </summary>
public static class DatabaseSnapshot
{
    public static string Take(TestApp app)
    {
        using var connection = app.OpenConnection();
        var dump = new StringBuilder();
        foreach (var table in Tables(connection, app.Provider))
        {
            dump.AppendLine($"[{table}]");
            using var command = connection.CreateCommand();
            // Rows sorted as text: some tables (the full-text index's) have no rowid to order by.
            command.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    var text = value switch
                    {
                        byte[] bytes => Convert.ToHexString(bytes),
                        string[] items => string.Join(',', items),
                        _ => value,
                    };
                    row.Append(reader.GetName(i)).Append('=').Append(text).Append(';');
                }

                rows.Add(row.ToString());
            }

            rows.Sort(StringComparer.Ordinal);
            rows.ForEach(row => dump.AppendLine(row));
        }

        return dump.ToString();
    }

    /// <summary>Committed rows only: a separate connection does not see an open transaction's writes.</summary>
    public static long Count(TestApp app, string table, string where = "1 = 1")
    {
        using var connection = app.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE {where}";
        return Convert.ToInt64(command.ExecuteScalar());
    }

    /// <summary>Stored tables; on SQLite a virtual table (the full-text index) is left out, its storage tables are in.</summary>
    private static List<string> Tables(DbConnection connection, DatabaseProvider provider)
    {
        using var command = connection.CreateCommand();
        command.CommandText = provider == DatabaseProvider.Postgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
            : """
                SELECT name FROM sqlite_master
                WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'
                ORDER BY name
                """;
        using var reader = command.ExecuteReader();
        var tables = new List<string>();
        while (reader.Read())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
