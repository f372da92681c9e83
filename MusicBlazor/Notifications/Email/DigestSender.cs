using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MusicBlazor.Data;

namespace MusicBlazor.Notifications.Email;

/// <summary>
/// Sends the daily digests: once the day's <see cref="FollowerEmailOptions.DigestHourUtc"/> has passed, every user
/// with pending digest rows from before it gets one e-mail listing those albums. Each user's rows are claimed before
/// the send (<see cref="AlbumEmailClaims"/>), so on several servers, or after a restart, no digest leaves twice.
/// Albums saved after the hour wait for the next day's digest.
/// </summary>
public sealed class DigestSender(
    IDbContextFactory<MusicDbContext> dbFactory, AlbumEmailClaims claims, FollowerMail mail, IOptions<FollowerEmailOptions> options,
    TimeProvider clock, ILogger<DigestSender> logger)
    : BackgroundService
{
    /// <returns>How many digests were sent.</returns>
    public async Task<int> SendDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var cutoff = LastDigestHour(now);
        List<Guid> users;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            users = await Due(db.AlbumEmails.Where(e => e.ClaimedAt == null), cutoff).Select(e => e.UserId).Distinct().ToListAsync(cancellationToken);
        }

        var sent = 0;
        foreach (var user in users)
        {
            if (await claims.ClaimAsync(rows => Due(rows, cutoff).Where(e => e.UserId == user), cancellationToken) is not { } claim)
            {
                continue; // another server took it
            }

            // Only what may still be sent: followed now, album and account still there (MailTarget.All).
            var albums = await ClaimedAsync(claim, cancellationToken);
            try
            {
                await claims.SendClaimedAsync(claim, () => albums.Count == 0 ? Task.CompletedTask : mail.SendDigestAsync(albums), cancellationToken);
                sent += albums.Count == 0 ? 0 : 1;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The album digest of user {UserId} was not sent; it is tried again at the next check", user);
            }
        }

        return sent;
    }

    /// <summary>The latest digest hour at or before <paramref name="now"/>.</summary>
    internal DateTime LastDigestHour(DateTimeOffset now)
    {
        var today = now.UtcDateTime.Date.AddHours(options.Value.DigestHourUtc);
        return DateTime.SpecifyKind(today <= now.UtcDateTime ? today : today.AddDays(-1), DateTimeKind.Utc);
    }

    private static IQueryable<AlbumEmail> Due(IQueryable<AlbumEmail> rows, DateTime cutoff) => rows.Where(e => e.InDigest && e.CreatedAt < cutoff);

    private async Task<List<MailTarget>> ClaimedAsync(Guid claim, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await MailTarget.All(db)
            .Where(t => db.AlbumEmails.Any(e => e.ClaimId == claim && e.UserId == t.UserId && e.AlbumId == t.AlbumId))
            .OrderBy(t => t.ArtistName).ThenBy(t => t.Year).ThenBy(t => t.AlbumName)
            .ToListAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DigestCheckInterval, clock);
        do
        {
            try
            {
                await SendDueAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Sending the album digests failed; they are tried again at the next check");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
