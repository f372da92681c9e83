using System.Security.Cryptography;
using System.Text;
using Npgsql;
using MusicBlazor.Hosting;

namespace MusicBlazor.Subscribers;

/// <summary>Who may run a subscriber: each runs on exactly one server at a time.</summary>
public interface ISubscriberLeases
{
    /// <summary>The subscriber's lease, or null when another server holds it.</summary>
    Task<ISubscriberLease?> TryAcquireAsync(string subscriber, CancellationToken cancellationToken);
}

public interface ISubscriberLease : IAsyncDisposable
{
    /// <summary>False once the lease is lost (its connection ended): the runner must stop and try again.</summary>
    Task<bool> StillHeldAsync(CancellationToken cancellationToken);
}

/// <summary>SQLite: one server by design, so this server always holds every lease.</summary>
public sealed class LocalSubscriberLeases : ISubscriberLeases
{
    public Task<ISubscriberLease?> TryAcquireAsync(string subscriber, CancellationToken cancellationToken) =>
        Task.FromResult<ISubscriberLease?>(new Held());

    private sealed class Held : ISubscriberLease
    {
        public Task<bool> StillHeldAsync(CancellationToken cancellationToken) => Task.FromResult(true);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>
/// PostgreSQL: a session-level advisory lock per subscriber, held on a dedicated connection for as long as this
/// server runs it. When the server dies its session ends, PostgreSQL releases the lock, and another server's next
/// attempt takes the subscriber over from the position saved in the database.
/// </summary>
public sealed class PostgresSubscriberLeases(IConfiguration configuration) : ISubscriberLeases
{
    public async Task<ISubscriberLease?> TryAcquireAsync(string subscriber, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(DatabaseConnection.Read(configuration))
        {
            Pooling = false,
            KeepAlive = 10,
            ApplicationName = "musicblazor-subscriber",
        }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", LockKey(subscriber));
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                return new Held(connection);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>A stable 64-bit key per subscriber name (advisory lock keys are per database).</summary>
    internal static long LockKey(string subscriber) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("musicblazor.subscriber:" + subscriber)));

    private sealed class Held(NpgsqlConnection connection) : ISubscriberLease
    {
        public async Task<bool> StillHeldAsync(CancellationToken cancellationToken)
        {
            try
            {
                await using var ping = new NpgsqlCommand("SELECT 1", connection);
                await ping.ExecuteScalarAsync(cancellationToken);
                return true;
            }
            catch (NpgsqlException)
            {
                return false;
            }
        }

        // Closing the session releases the lock.
        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
