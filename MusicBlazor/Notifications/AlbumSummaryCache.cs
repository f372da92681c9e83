using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using MusicBlazor.Data;

namespace MusicBlazor.Notifications;

public sealed record AlbumSummary(Guid AlbumId, string AlbumName, int YearReleased, string? CoverImageUrl, Guid ArtistId, string ArtistName);

/// <summary>
/// Resolves the album a live notification points to, once per album for the whole process: when ten thousand
/// circuits receive the same new album, one query serves them all instead of one per circuit.
/// </summary>
public sealed class AlbumSummaryCache(IDbContextFactory<MusicDbContext> dbFactory, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<Guid, (DateTimeOffset Expires, Lazy<Task<AlbumSummary?>> Summary)> _entries = new();

    public async Task<AlbumSummary?> GetAsync(Guid albumId)
    {
        var now = clock.GetUtcNow();
        var entry = _entries.AddOrUpdate(
            albumId,
            id => (now + Lifetime, new(() => LoadAsync(id))),
            (id, existing) => existing.Expires > now ? existing : (now + Lifetime, new(() => LoadAsync(id))));
        var summary = await entry.Summary.Value;
        if (summary is null)
        {
            _entries.TryRemove(albumId, out _);
        }

        if (_entries.Count > 10_000)
        {
            foreach (var expired in _entries.Where(e => e.Value.Expires <= now))
            {
                _entries.TryRemove(expired.Key, out _);
            }
        }

        return summary;
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
