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

        foreach (var target in await RecipientsAsync(albumId: change.Id, onlyUser: change.UserId, cancellationToken))
        {
            var inDigest = target.Choice == AlbumEmailChoice.DailyDigest;
            await claims.AddPendingAsync(target.UserId, target.AlbumId, inDigest, cancellationToken);
            if (!inDigest)
            {
                await SendAtOnceAsync(target, cancellationToken);
            }
        }
    }

    private async Task SendAtOnceAsync(MailTarget target, CancellationToken cancellationToken)
    {
        // Null when it was claimed before (sent, or lost in the window a crash leaves): never sent twice.
        if (await claims.ClaimAsync(rows => rows.Where(e => e.UserId == target.UserId && e.AlbumId == target.AlbumId), cancellationToken) is { } claim)
        {
            await claims.SendClaimedAsync(claim, () => mail.SendNewAlbumAsync(target), cancellationToken);
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
