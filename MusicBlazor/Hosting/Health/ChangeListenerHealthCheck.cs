using Microsoft.Extensions.Diagnostics.HealthChecks;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Notifications.Bus;

namespace MusicBlazor.Hosting.Health;

/// <summary>
/// PostgreSQL: whether this server hears other servers' commits, and how far its follower is behind the highest log
/// head it was told about (in sequence numbers). Degraded while reconnecting: live pages still get every change, a
/// poll interval later.
/// </summary>
public sealed class ChangeListenerHealthCheck(PostgresChangeListener listener, ChangeLogFollower follower) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["state"] = listener.State.ToString(),
            ["lag"] = Math.Max(0, listener.AnnouncedHead - follower.Position),
            ["announcedHead"] = listener.AnnouncedHead,
            ["position"] = follower.Position,
            ["reconnects"] = listener.Reconnects,
        };
        if (listener.LastError is { } error)
        {
            data["lastError"] = error;
        }

        return Task.FromResult(listener.State == ListenerState.Listening
            ? HealthCheckResult.Healthy("Listening for other servers' commits", data)
            : HealthCheckResult.Degraded($"Not listening ({listener.State}); polling the change log until reconnected", data: data));
    }
}
