using Microsoft.EntityFrameworkCore;

namespace MusicBlazor.Data.ChangeLog;

/// <summary>Reads the log forward from a position: always a range of the primary key, never a scan.</summary>
public sealed class ChangeLogReader(IDbContextFactory<MusicDbContext> dbFactory)
{
    public async Task<long> HeadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ChangeLogPosition.ReadAsync(db, cancellationToken);
    }

    /// <summary>
    /// Up to <paramref name="max"/> changes after <paramref name="position"/>, in sequence order; their audited
    /// <see cref="ChangeEvent.Fields"/> only when <paramref name="withFields"/> (live delivery carries ids only).
    /// </summary>
    public async Task<IReadOnlyList<ChangeEvent>> ReadAfterAsync(long position, int max, CancellationToken cancellationToken = default, bool withFields = false)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var range = db.ChangeLog.AsNoTracking()
            .Where(e => e.Sequence > position)
            .OrderBy(e => e.Sequence)
            .Take(max);
        return withFields
            ? await range.ToListAsync(cancellationToken)
            : await range.Select(e => new ChangeEvent(e.Sequence, e.Operation, e.Entity, e.Id, e.ArtistId, e.AlbumId, e.UserId, e.ActorId, e.Suppressed, e.At))
                .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Every change after <paramref name="position"/>, or null when the log cannot replay them: some were pruned
    /// already, or there are more than <paramref name="max"/> (re-reading is then cheaper than replaying).
    /// </summary>
    public async Task<IReadOnlyList<ChangeEvent>?> ReplayAfterAsync(long position, int max, CancellationToken cancellationToken = default)
    {
        var changes = await ReadAfterAsync(position, max + 1, cancellationToken);
        if (changes.Count > max)
        {
            return null;
        }

        // Sequences have no gaps (a rolled-back insert returns its number), so only pruning can leave one.
        var complete = changes.Count == 0 ? await HeadAsync(cancellationToken) <= position : changes[0].Sequence == position + 1;
        return complete ? changes : null;
    }
}
