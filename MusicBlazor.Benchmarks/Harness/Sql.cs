using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>Values in the exact text form EF Core's SQLite provider stores them, for raw seeding and raw baselines.</summary>
internal static class Sql
{
    public static string Guid(Guid value) => value.ToString().ToUpperInvariant();

    public static string Date(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    public static async Task<long> ScalarAsync(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public static async Task ExecuteAsync(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        await command.ExecuteNonQueryAsync();
    }

    public static async Task<List<string>> ExplainAsync(SqliteConnection connection, string sql, IEnumerable<(string Name, object? Value)> parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }

    /// <summary>
    /// Inserts rows with one prepared statement in one transaction (the fast way to seed SQLite).
    /// </summary>
    public static async Task BulkInsertAsync<T>(SqliteConnection connection, string sql, string[] parameterNames, IEnumerable<T> rows, Action<T, SqliteParameterCollection> bind)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        foreach (var row in rows)
        {
            bind(row, command.Parameters);
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
