using System.Globalization;
using Npgsql;
using MusicBlazor.Common;
using MusicBlazor.Hosting;

namespace MusicBlazor.Data.ChangeLog;

/// <summary>
/// PostgreSQL: how this server hears about commits made on any server. It LISTENs on one dedicated connection (not
/// from the pool) to the channel the log's commit trigger notifies (migration <c>PostgresChangeNotify</c>): one
/// message per committing transaction, carrying the log's new head. A notification only wakes the follower
/// (<see cref="ChangeLogSignal"/>), which reads the log from its own position, so the payload never has to be trusted
/// for content and a lost or coalesced message costs nothing once the next one (or the reconnect) arrives.
/// When the connection drops it reconnects with backoff and rings once listening again, so the follower catches up
/// on what was committed meanwhile; until then every poll reads the log, as if every poll had been a notification.
/// </summary>
public sealed class PostgresChangeListener(
    IConfiguration configuration, ChangeLogSignal signal, ILogger<PostgresChangeListener> logger)
    : BackgroundService, ICommitWatch
{
    public const string Channel = "musicblazor_changes";
    public static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(5);

    private int _pending = 1;
    private long _announcedHead;
    private int _reconnects;
    private volatile ListenerState _state = ListenerState.Starting;
    private volatile int _backendProcessId;
    private volatile string? _lastError;

    public ListenerState State => _state;

    /// <summary>The highest log head any notification (or the head read on connecting) announced.</summary>
    public long AnnouncedHead => Interlocked.Read(ref _announcedHead);

    /// <summary>How many times the connection was lost and made again.</summary>
    public int Reconnects => Volatile.Read(ref _reconnects);

    /// <summary>The PostgreSQL backend of the listening connection (0 while not connected), as <c>pg_stat_activity.pid</c> shows it.</summary>
    public int BackendProcessId => _backendProcessId;

    public string? LastError => _lastError;

    public Task<bool> CommittedSinceLastAskedAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(_state != ListenerState.Listening | Interlocked.Exchange(ref _pending, 0) == 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken, onListening: () => retry = FirstRetry);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                var wasListening = _state == ListenerState.Listening;
                _state = ListenerState.Reconnecting;
                _backendProcessId = 0;
                _lastError = ex.Message;
                if (wasListening)
                {
                    Interlocked.Increment(ref _reconnects);
                }

                logger.LogWarning("Listening for change-log notifications failed ({Error}); trying again in {Retry} ms", ex.Message, retry.TotalMilliseconds);
                try
                {
                    await Task.Delay(retry, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
            }
        }

        _state = ListenerState.Stopped;
    }

    private async Task ListenAsync(CancellationToken stoppingToken, Action onListening)
    {
        await using var connection = new NpgsqlConnection(ListenerConnectionString());
        await connection.OpenAsync(stoppingToken);
        connection.Notification += OnNotification;
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}; {PostgresChangeLogSql.Instance.Head};", connection))
        {
            Announce((long)(await listen.ExecuteScalarAsync(stoppingToken))!);
        }

        _backendProcessId = connection.ProcessID;
        _state = ListenerState.Listening;
        _lastError = null;
        onListening();
        logger.LogInformation("Listening for change-log notifications (backend {Pid})", connection.ProcessID);

        // Whatever was committed while this server was not listening is read now.
        Interlocked.Exchange(ref _pending, 1);
        signal.Ring();
        while (true)
        {
            await connection.WaitAsync(stoppingToken);
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (long.TryParse(e.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var head))
        {
            Announce(head);
            if (!signal.IsUnread(head))
            {
                return;
            }
        }

        Interlocked.Exchange(ref _pending, 1);
        signal.Ring();
    }

    private void Announce(long head) => AtomicMax.Raise(ref _announcedHead, head);

    /// <summary>The app's connection string, unpooled (a pooled connection would go back to the pool still listening), with TCP keepalives so a dead peer is noticed.</summary>
    private string ListenerConnectionString() => new NpgsqlConnectionStringBuilder(DatabaseConnection.Read(configuration))
    {
        Pooling = false,
        KeepAlive = 10,
        ApplicationName = "musicblazor-listener",
    }.ConnectionString;
}

public enum ListenerState
{
    Starting,
    Listening,
    Reconnecting,
    Stopped,
}
