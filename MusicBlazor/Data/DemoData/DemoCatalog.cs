using Microsoft.EntityFrameworkCore;
using MusicBlazor.Catalog;
using MusicBlazor.Data.ChangeLog;

namespace MusicBlazor.Data.DemoData;

/// <summary>
/// Fills an empty database with the invented catalog of <see cref="DemoArtists"/>. Fixed lists and seeds, so every
/// run looks the same; only the dates follow the clock (spread over the two years before the first start).
/// </summary>
public static class DemoCatalog
{
    private const string CoverFolder = "/images/covers/";
    private static readonly TimeSpan History = TimeSpan.FromDays(730);

    public static async Task SeedIfEmptyAsync(MusicDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.Artists.AnyAsync(cancellationToken))
        {
            return;
        }

        // Logged for durable readers, not delivered live: open pages do not flicker through a thousand rows.
        using var suppressed = Changes.Suppress("demo catalog seeding");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var artists = DemoArtists.All.Select((artist, index) => CreateArtist(artist, new Random(index))).ToList();
        db.Artists.AddRange(artists);
        await db.SaveChangesAsync(cancellationToken);

        // The audit interceptor stamped every row with the same "now".
        await BackdateAsync(db, artists, now: artists[0].CreatedAt, cancellationToken);
        foreach (var artist in artists)
        {
            await ArtistStats.RefreshAlbumsAsync(db, artist.Id, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static Artist CreateArtist(DemoArtist demo, Random random)
    {
        var artist = Artist.Create(demo.FormerNames.FirstOrDefault() ?? demo.Name, demo.Biography);
        foreach (var name in demo.FormerNames.Skip(1).Append(demo.Name))
        {
            artist.Rename(name);
        }

        var titles = DemoTrackTitles.For(demo.Language);
        var usedTitles = new HashSet<string>();
        foreach (var album in demo.Albums)
        {
            artist.Albums.Add(CreateAlbum(album, titles, usedTitles, random));
        }

        return artist;
    }

    private static Album CreateAlbum(DemoAlbum demo, TitlePool titles, HashSet<string> usedTitles, Random random)
    {
        var album = new Album
        {
            Name = demo.Name,
            YearReleased = demo.Year,
            CoverImageUrl = demo.Cover is null ? null : CoverFolder + demo.Cover,
        };
        for (var order = 0; order < demo.TrackCount; order++)
        {
            album.Tracks.Add(new Track
            {
                Order = order,
                Name = titles.Next(random, usedTitles),
                DurationSeconds = DurationSeconds(random, demo.TrackCount),
            });
        }

        return album;
    }

    /// <summary>1:30 to 9:00, most around four minutes; now and then a long piece, more often on albums of few tracks.</summary>
    private static int DurationSeconds(Random random, int trackCount)
    {
        var longOneIn = trackCount <= 8 ? 4 : 40;
        return random.Next(longOneIn) == 0
            ? random.Next(9 * 60 + 1, 22 * 60)
            : 90 + (int)(450 * Math.Pow((random.NextDouble() + random.NextDouble()) / 2, 1.5));
    }

    private static async Task BackdateAsync(MusicDbContext db, List<Artist> artists, DateTime now, CancellationToken cancellationToken)
    {
        var random = new Random(1951);
        foreach (var artist in artists)
        {
            var created = now - Somewhen(random, History);
            var updated = random.Next(4) == 0 ? created : created + Somewhen(random, now - created);
            await db.Artists.Where(a => a.Id == artist.Id).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.CreatedAt, created)
                .SetProperty(a => a.UpdatedAt, updated),
                cancellationToken);

            var albumTimes = artist.Albums.Select(_ => created + Somewhen(random, now - created)).Order().ToList();
            foreach (var (album, albumCreated) in artist.Albums.Zip(albumTimes))
            {
                var albumUpdated = random.Next(3) == 0 ? albumCreated : albumCreated + Somewhen(random, now - albumCreated);
                await db.Albums.Where(a => a.Id == album.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.CreatedAt, albumCreated)
                    .SetProperty(a => a.UpdatedAt, albumUpdated),
                    cancellationToken);
            }
        }
    }

    private static TimeSpan Somewhen(Random random, TimeSpan within) =>
        TimeSpan.FromMinutes(random.Next((int)within.TotalMinutes));
}
