using Microsoft.EntityFrameworkCore;
using MusicBlazor.Data;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Subscribers;

namespace MusicBlazor.Hosting.Metrics;

/// <summary>
/// Counts what is best counted from the change log, once per cluster (a subscriber runs on one server at a time):
/// the notifications written for followers. Counters are at least once, like the delivery: a replay after a crash
/// counts its changes again.
/// </summary>
public sealed class MetricsSubscriber(IDbContextFactory<MusicDbContext> dbFactory, MusicBlazorMetrics metrics) : IChangeSubscriber
{
    public string Name => "metrics";

    public async Task HandleAsync(ChangeEvent change, CancellationToken cancellationToken)
    {
        if (change is not { Entity: EntityKind.Notification, Operation: ChangeOperation.Created })
        {
            return;
        }

        if (!change.IsNotificationsCreatedForAlbum)
        {
            metrics.NotificationsWrittenFor(1);
            return;
        }

        // One log row stands for all of an album's notifications (see NotificationWriter).
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        metrics.NotificationsWrittenFor(await db.Notifications.CountAsync(n => n.AlbumId == change.Id, cancellationToken));
    }
}
