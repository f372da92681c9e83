using Microsoft.EntityFrameworkCore;
using MusicBlazor.Common;
using MusicBlazor.Data;

namespace MusicBlazor.Notifications.Email;

/// <summary>
/// The exactly-once rule of follower e-mails, written once for the at-once e-mails and the digest: a sender first
/// claims pending <see cref="AlbumEmail"/> rows with a conditional UPDATE in a transaction of its own (only rows no
/// one claimed yet; on several servers only one UPDATE gets each row), commits, and only then sends. After the send
/// the rows are marked sent; when the send throws they are released, so a retry sends them.
/// </summary>
/// <remarks>
/// The one window that cannot be closed: a crash after the claim committed and before the mail server accepted the
/// e-mail (for an album's at-once e-mails, sent one after another under one claim: before the last of them was
/// marked). Those e-mails are then never retried (their rows stay claimed and unsent): at most once, never twice. No
/// ordering of "send" and "record" avoids both a lost and a doubled e-mail without the mail server taking part.
/// An album costs three commits whatever its number of recipients: the pending rows, the claim, the marks.
/// </remarks>
public sealed class AlbumEmailClaims(IDbContextFactory<MusicDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>
    /// Adds the pending rows of one album's recipients in one transaction, leaving out those that have one already (a
    /// replay, or mail already sent).
    /// </summary>
    public async Task AddPendingAsync(Guid albumId, IReadOnlyList<(Guid UserId, bool InDigest)> recipients, CancellationToken cancellationToken)
    {
        var users = recipients.Select(r => r.UserId).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var present = await db.AlbumEmails.Where(e => e.AlbumId == albumId && users.Contains(e.UserId)).Select(e => e.UserId).ToListAsync(cancellationToken);
        var now = Now;
        db.AlbumEmails.AddRange(recipients.Where(r => !present.Contains(r.UserId))
            .Select(r => new AlbumEmail { UserId = r.UserId, AlbumId = albumId, InDigest = r.InDigest, CreatedAt = now }));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Claims the pending rows <paramref name="rows"/> selects; null when none was left to claim.</summary>
    public async Task<Guid?> ClaimAsync(Func<IQueryable<AlbumEmail>, IQueryable<AlbumEmail>> rows, CancellationToken cancellationToken)
    {
        var claim = Guid.NewGuid();
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var claimed = await rows(db.AlbumEmails.Where(e => e.ClaimedAt == null))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimId, claim).SetProperty(e => e.ClaimedAt, now), cancellationToken);
        return claimed > 0 ? claim : null;
    }

    /// <summary>Sends what was claimed, then marks it sent; a failed send releases the claim and rethrows.</summary>
    public async Task SendClaimedAsync(Guid claim, Func<Task> send, CancellationToken cancellationToken)
    {
        try
        {
            await send();
        }
        catch
        {
            await ReleaseAsync(claim, rows => rows, CancellationToken.None);
            throw;
        }

        await MarkSentAsync(claim, rows => rows, cancellationToken);
    }

    /// <summary>
    /// One e-mail per user of a claim: every send is tried, then those sent are marked sent and those that failed
    /// released, in one statement each, and the first failure is rethrown (the retry claims only what was released).
    /// </summary>
    public async Task SendEachClaimedAsync(Guid claim, Func<Guid, Task> sendTo, CancellationToken cancellationToken)
    {
        List<Guid> users;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            users = await db.AlbumEmails.Where(e => e.ClaimId == claim).Select(e => e.UserId).ToListAsync(cancellationToken);
        }

        var sent = new List<Guid>();
        var failed = new List<Guid>();
        Exception? firstFailure = null;
        foreach (var user in users)
        {
            try
            {
                await sendTo(user);
                sent.Add(user);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed.Add(user);
                firstFailure ??= ex;
            }
        }

        await MarkSentAsync(claim, rows => rows.Where(e => sent.Contains(e.UserId)), CancellationToken.None);
        if (firstFailure is not null)
        {
            await ReleaseAsync(claim, rows => rows.Where(e => failed.Contains(e.UserId)), CancellationToken.None);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(firstFailure);
        }
    }

    private Task MarkSentAsync(Guid claim, Func<IQueryable<AlbumEmail>, IQueryable<AlbumEmail>> rows, CancellationToken cancellationToken)
    {
        var now = Now;
        return UpdateAsync(claim, rows, s => s.SetProperty(e => e.SentAt, now), cancellationToken);
    }

    private Task ReleaseAsync(Guid claim, Func<IQueryable<AlbumEmail>, IQueryable<AlbumEmail>> rows, CancellationToken cancellationToken) =>
        UpdateAsync(claim, rows, s => s.SetProperty(e => e.ClaimId, (Guid?)null).SetProperty(e => e.ClaimedAt, (DateTime?)null), cancellationToken);

    private async Task UpdateAsync(
        Guid claim, Func<IQueryable<AlbumEmail>, IQueryable<AlbumEmail>> rows,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<AlbumEmail>> set, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await rows(db.AlbumEmails.Where(e => e.ClaimId == claim)).ExecuteUpdateAsync(set, cancellationToken);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
