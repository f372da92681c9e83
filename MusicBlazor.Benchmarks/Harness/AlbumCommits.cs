using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MusicBlazor.Catalog;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// When each created album's transaction committed (<see cref="WallClock"/> Unix ms), for writers that commit
/// concurrently: <see cref="CommitStamp"/> keeps only the last commit, which is enough when albums are created one at
/// a time. Appended to the app's context options, it notes the albums a context is about to insert (SavingChanges)
/// and stamps them when that same context's transaction commits.
/// </summary>
internal sealed class AlbumCommits : DbTransactionInterceptor, ISaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<Guid>> _pending = new();
    private readonly ConcurrentDictionary<Guid, double> _committed = new();

    /// <summary>When the album's transaction committed (Unix ms), or NaN if it has not.</summary>
    public double CommittedAt(Guid albumId) => _committed.TryGetValue(albumId, out var at) ? at : double.NaN;

    InterceptionResult<int> ISaveChangesInterceptor.SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        NoteAdded(eventData.Context);
        return result;
    }

    ValueTask<InterceptionResult<int>> ISaveChangesInterceptor.SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken)
    {
        NoteAdded(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Stamp(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return Task.CompletedTask;
    }

    private void NoteAdded(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var added = context.ChangeTracker.Entries<Album>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Id).ToList();
        if (added.Count > 0)
        {
            lock (_pending)
            {
                _pending.GetOrCreateValue(context).AddRange(added);
            }
        }
    }

    private void Stamp(DbContext? context)
    {
        var now = WallClock.UnixMs();
        if (context is null)
        {
            return;
        }

        List<Guid>? albums;
        lock (_pending)
        {
            if (!_pending.TryGetValue(context, out albums))
            {
                return;
            }

            _pending.Remove(context);
        }

        foreach (var album in albums)
        {
            _committed.TryAdd(album, now);
        }
    }
}
