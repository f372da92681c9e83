using Npgsql;

namespace MusicBlazor.TestSupport.Data;

/// <summary>
/// The PostgreSQL server the tests and the benchmarks use: <c>MUSICBLAZOR_TEST_POSTGRES</c>, or the local server as .ci/run sets it up.
/// Each test (or benchmark scenario) gets a database of its own, copied from a migrated template (CREATE DATABASE … TEMPLATE takes a few
/// milliseconds), and drops it afterwards.
/// </summary>
public static class PostgresTestServer
{
    public const string EnvironmentVariable = "MUSICBLAZOR_TEST_POSTGRES";
    public const string DefaultConnectionString = "Host=127.0.0.1;Username=musicblazor;Password=musicblazor";

    public const string InstallHint =
        "install it with `apt-get install postgresql`, start it with `pg_ctlcluster 15 main start`, then run "
        + "`runuser -u postgres -- psql -c \"CREATE ROLE musicblazor LOGIN PASSWORD 'musicblazor' CREATEDB;\"` and "
        + "`runuser -u postgres -- psql -d template1 -c \"CREATE EXTENSION IF NOT EXISTS pg_trgm;\"` "
        + $"(or point {EnvironmentVariable} at a server of yours)";

    private const string DatabasePrefix = "musicblazor_test_";

    public static string ServerConnectionString { get; } =
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured ? configured : DefaultConnectionString;

    private static readonly Lazy<string?> Unreachable = new(Probe);

    /// <summary>Why PostgreSQL tests skip, or null when they run: they run when the server answers, and always under CI=true (where they then fail).</summary>
    public static string? SkipReason => IsCi || Unavailable is null ? null : $"PostgreSQL test skipped: {Unavailable}.";

    /// <summary>Why no database can be made here (no server answers, and how to install one), or null when it answers; whatever CI says.</summary>
    public static string? Unavailable => Unreachable.Value is null ? null : $"no server at {Describe()} ({Unreachable.Value}); {InstallHint}";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ToString();

    /// <summary>A new, empty database named for a test; empty or a copy of <paramref name="template"/>.</summary>
    public static async Task<string> CreateDatabaseAsync(string? template = null)
    {
        var name = DatabasePrefix + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"""CREATE DATABASE "{name}" {(template is null ? "" : $"TEMPLATE \"{template}\"")}""");
        return name;
    }

    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionStringFor(name)));
        try
        {
            await ExecuteAsync($"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""");
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            // FORCE may not signal a server process of another role (an autovacuum worker in that database);
            // a plain DROP waits for autovacuum itself, and the app's own connections are closed already.
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\"");
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        try
        {
            await connection.OpenAsync();
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException($"PostgreSQL is required here (CI=true) but {Describe()} does not answer; {InstallHint}.", ex);
        }

        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string? Probe()
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionStringFor("postgres")) { Timeout = 3, Pooling = false };
            using var connection = new NpgsqlConnection(builder.ToString());
            connection.Open();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or TimeoutException)
        {
            return ex.Message;
        }
    }

    private static string Describe()
    {
        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString);
        return $"{builder.Host}:{builder.Port} as {builder.Username}";
    }
}
