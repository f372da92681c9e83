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
/// e-mail. That e-mail is then never retried (its rows stay claimed and unsent): at most once, never twice. No
/// ordering of "send" and "record" avoids both a lost and a doubled e-mail without the mail server taking part.
/// </remarks>
public sealed class AlbumEmailClaims(IDbContextFactory<MusicDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Adds a pending row; false when the pair has one already (a replay, or mail already sent).</summary>
    public async Task<bool> AddPendingAsync(Guid userId, Guid albumId, bool inDigest, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AlbumEmails.Add(new AlbumEmail { UserId = userId, AlbumId = albumId, InDigest = inDigest, CreatedAt = Now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (SaveFailedException ex) when (ex.IsDuplicate)
        {
            return false;
        }
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
            await UpdateAsync(claim, s => s.SetProperty(e => e.ClaimId, (Guid?)null).SetProperty(e => e.ClaimedAt, (DateTime?)null), CancellationToken.None);
            throw;
        }

        var now = Now;
        await UpdateAsync(claim, s => s.SetProperty(e => e.SentAt, now), cancellationToken);
    }

    private async Task UpdateAsync(
        Guid claim, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<AlbumEmail>> set, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.AlbumEmails.Where(e => e.ClaimId == claim).ExecuteUpdateAsync(set, cancellationToken);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
