using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MusicBlazor.Data;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Subscribers;

namespace MusicBlazor.Hosting.Health;

/// <summary>Each background subscriber: its state on this server, its lag behind the log's head, and its dead letters.</summary>
public sealed class SubscribersHealthCheck(SubscriberHost host, IDbContextFactory<MusicDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var head = await ChangeLogPosition.ReadAsync(db, cancellationToken);
        var deadLetters = await db.DeadLetters.GroupBy(l => l.Subscriber).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var data = host.Statuses.ToDictionary(s => s.Name, s => (object)new
        {
            state = s.State.ToString(),
            position = s.Position,
            lag = s.State == SubscriberState.Standby ? 0 : Math.Max(0, head - s.Position),
            deadLetters = deadLetters.GetValueOrDefault(s.Name),
        });
        var retrying = host.Statuses.Where(s => s.State == SubscriberState.Retrying).Select(s => s.Name).ToList();
        return retrying.Count == 0
            ? HealthCheckResult.Healthy($"{host.Statuses.Count} subscribers", data)
            : HealthCheckResult.Degraded($"Retrying a failed change: {string.Join(", ", retrying)}", data: data);
    }
}
