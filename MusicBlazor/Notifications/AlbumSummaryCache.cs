using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using MusicBlazor.Data;

namespace MusicBlazor.Notifications;

public sealed record AlbumSummary(Guid AlbumId, string AlbumName, int YearReleased, string? CoverImageUrl, Guid ArtistId, string ArtistName);

/// <summary>
/// Resolves the album a live change points to, once per change for the whole process: when ten thousand circuits
/// receive the same new album, one query serves them all instead of one per circuit. Keyed by the change's
/// sequence, so what it returns is never older than the change (a later rename is a later change, read afresh).
/// </summary>
public sealed class AlbumSummaryCache(IDbContextFactory<MusicDbContext> dbFactory)
{
    private const int Capacity = 256;
    private readonly ConcurrentDictionary<(Guid AlbumId, long Sequence), Lazy<Task<AlbumSummary?>>> _entries = new();
    private readonly ConcurrentQueue<(Guid, long)> _order = new();

    public Task<AlbumSummary?> GetAsync(Guid albumId, long sequence)
    {
        var key = (albumId, sequence);
        if (_entries.TryGetValue(key, out var cached))
        {
            return cached.Value;
        }

        var created = new Lazy<Task<AlbumSummary?>>(() => LoadAsync(albumId));
        var entry = _entries.GetOrAdd(key, created);
        // Only the caller whose entry went in queues it for eviction, so a key is never queued (and evicted) twice.
        if (ReferenceEquals(entry, created))
        {
            _order.Enqueue(key);
            while (_order.Count > Capacity && _order.TryDequeue(out var oldest))
            {
                _entries.TryRemove(oldest, out _);
            }
        }

        return entry.Value;
    }

    private async Task<AlbumSummary?> LoadAsync(Guid albumId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Albums.AsNoTracking()
            .Where(a => a.Id == albumId)
            .Select(a => new AlbumSummary(a.Id, a.Name, a.YearReleased, a.CoverImageUrl, a.ArtistId, a.Artist!.Name))
            .SingleOrDefaultAsync();
    }
}
