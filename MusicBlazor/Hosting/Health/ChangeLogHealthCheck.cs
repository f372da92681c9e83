using Microsoft.Extensions.Diagnostics.HealthChecks;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Notifications.Bus;

namespace MusicBlazor.Hosting.Health;

/// <summary>How far this server's live delivery is behind the change log: its head minus the follower's position.</summary>
public sealed class ChangeLogHealthCheck(ChangeLogReader log, ChangeLogFollower follower) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var position = follower.Position;
        var head = await log.HeadAsync(cancellationToken);
        var data = new Dictionary<string, object> { ["head"] = head, ["position"] = position, ["lag"] = Math.Max(0, head - position) };
        return HealthCheckResult.Healthy($"Live delivery is {Math.Max(0, head - position)} changes behind the log", data);
    }
}
