using System.Text;
using Microsoft.Data.Sqlite;

namespace MusicBlazor.Tests.Infrastructure;

/// <summary>Every row of every table, read on a separate connection: equal snapshots mean nothing was written.</summary>
public static class DatabaseSnapshot
{
    public static string Take(TestApp app)
    {
        using var connection = new SqliteConnection(app.ConnectionString);
        connection.Open();
        var dump = new StringBuilder();
        foreach (var table in Tables(connection))
        {
            dump.AppendLine($"[{table}]");
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    dump.Append(reader.GetName(i)).Append('=').Append(reader.GetValue(i)).Append(';');
                }

                dump.AppendLine();
            }
        }

        return dump.ToString();
    }

    /// <summary>Committed rows only: a separate connection does not see an open transaction's writes.</summary>
    public static long Count(TestApp app, string table, string where = "1 = 1")
    {
        using var connection = new SqliteConnection(app.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE {where}";
        return (long)command.ExecuteScalar()!;
    }

    private static List<string> Tables(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        using var reader = command.ExecuteReader();
        var tables = new List<string>();
        while (reader.Read())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
