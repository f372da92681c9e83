using Npgsql;
using MusicBlazor.TestSupport.Data;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>Raw PostgreSQL commands for seeding, clean-up and baselines, and the check that decides whether the PostgreSQL scenarios run.</summary>
internal static class PgSql
{
    /// <summary>
    /// Whether the scenario can run: PostgreSQL answers (<see cref="PostgresTestServer"/>), or CI=true, where a missing
    /// server then fails the scenario (CI installs one). Otherwise a "not run" row that says how to install it.
    /// </summary>
    public static bool AvailableOrNotRun(Report report, string scenario, long size, string sizeLabel)
    {
        if (PostgresTestServer.IsCi || PostgresTestServer.Unavailable is not { } reason)
        {
            return true;
        }

        Console.WriteLine($"  not run: {reason}");
        report.Rows.Add(new ResultRow { Scenario = scenario, Size = size, SizeLabel = sizeLabel }.Show("Status", $"not run: {reason}"));
        return false;
    }

    public static NpgsqlCommand Command(NpgsqlConnection connection, string sql, IEnumerable<(string Name, object? Value)> parameters, NpgsqlTransaction? transaction = null)
    {
        var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 600 };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>The plan PostgreSQL chose for <paramref name="sql"/> with these parameter values, one line per node.</summary>
    public static async Task<List<string>> ExplainAsync(NpgsqlConnection connection, string sql, IEnumerable<(string Name, object? Value)> parameters)
    {
        await using var command = Command(connection, "EXPLAIN " + sql, parameters);
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(0).Trim());
        }

        return plan;
    }
}
