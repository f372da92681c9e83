using Microsoft.EntityFrameworkCore;
using MusicBlazor.Data;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Subscribers;

namespace MusicBlazor.Notifications.Email;

/// <summary>
/// The background subscriber behind follower e-mails: for each album's new notifications, every recipient who wants
/// album e-mails gets one at once, or a pending row for tomorrow's digest (<see cref="DigestSender"/>). Replays are
/// harmless: each (user, album) has one <see cref="AlbumEmail"/> row, claimed before the send (<see cref="AlbumEmailClaims"/>).
/// </summary>
public sealed class FollowerEmails(IDbContextFactory<MusicDbContext> dbFactory, AlbumEmailClaims claims, FollowerMail mail) : IChangeSubscriber
{
    public const string SubscriberName = "follower-emails";

    public string Name => SubscriberName;

    public async Task HandleAsync(ChangeEvent change, CancellationToken cancellationToken)
    {
        // An album's notifications, logged as one change (no user), or a single notification written otherwise.
        if (change is not { Entity: EntityKind.Notification, Operation: ChangeOperation.Created })
        {
            return;
        }

        var targets = await RecipientsAsync(albumId: change.Id, onlyUser: change.UserId, cancellationToken);
        if (targets.Count == 0)
        {
            return;
        }

        await claims.AddPendingAsync(change.Id, targets.Select(t => (t.UserId, t.Choice == AlbumEmailChoice.DailyDigest)).ToList(), cancellationToken);
        var atOnce = targets.Where(t => t.Choice != AlbumEmailChoice.DailyDigest).ToDictionary(t => t.UserId);
        var users = atOnce.Keys.ToList();
        // Null when all were claimed before (sent, or lost in the window a crash leaves): never sent twice.
        if (users.Count > 0
            && await claims.ClaimAsync(rows => rows.Where(e => e.AlbumId == change.Id && !e.InDigest && users.Contains(e.UserId)), cancellationToken) is { } claim)
        {
            await claims.SendEachClaimedAsync(claim, user => mail.SendNewAlbumAsync(atOnce[user]), cancellationToken);
        }
    }

    /// <summary>The album's notified users who may get mail about it now (<see cref="MailTarget.All"/>).</summary>
    private async Task<List<MailTarget>> RecipientsAsync(Guid albumId, Guid? onlyUser, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await MailTarget.All(db)
            .Where(t => t.AlbumId == albumId && (onlyUser == null || t.UserId == onlyUser))
            .Where(t => db.Notifications.Any(n => n.AlbumId == albumId && n.UserId == t.UserId))
            .ToListAsync(cancellationToken);
    }
}
