using Microsoft.EntityFrameworkCore;
using MusicBlazor.Accounts;
using MusicBlazor.Common;
using MusicBlazor.Data;
using MusicBlazor.Hosting.Metrics;
using MusicBlazor.Notifications;

namespace MusicBlazor.Catalog;

/// <summary>Creates, edits and deletes albums with their tracks; the only way the app changes albums.</summary>
public sealed class AlbumService(IDbContextFactory<MusicDbContext> dbFactory, ICurrentActor currentActor, TimeProvider clock, MusicBlazorMetrics metrics)
{
    private const string What = "album";

    public async Task<Guid> CreateAsync(Guid artistId, AlbumInput input, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.ForWriteAsync();
        CatalogPolicy.Demand(CatalogPolicy.CanCreateAlbum(actor), "create albums");
        ValidationFailedException.ThrowIfAny(CatalogRules.Validate(input, clock));

        await using var db = await dbFactory.OpenAsync(actor, cancellationToken);
        if (!await db.Artists.AnyAsync(a => a.Id == artistId, cancellationToken))
        {
            throw new NotFoundException("This artist no longer exists.");
        }

        await ThrowIfNameTakenAsync(db, artistId, null, input, cancellationToken);

        var album = new Album { ArtistId = artistId };
        Apply(input, album);
        db.Albums.Add(album);

        // The album, its followers' notifications and the artist's figures commit (and reach the change log) together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await SaveAsync(db, input, cancellationToken);
        await NotificationWriter.WriteForNewAlbumAsync(db, album, album.CreatedAt, cancellationToken);
        await ArtistStats.RefreshAlbumsAsync(db, artistId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        metrics.AlbumCreated();
        return album.Id;
    }

    public async Task UpdateAsync(Guid albumId, AlbumInput input, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.ForWriteAsync();
        await using var db = await dbFactory.OpenAsync(actor, cancellationToken);
        var album = await db.Albums.Include(a => a.Tracks).SingleOrDefaultAsync(a => a.Id == albumId, cancellationToken)
            ?? throw new NotFoundException("This album no longer exists.");
        CatalogPolicy.Demand(CatalogPolicy.CanManageAlbum(actor, album.CreatedById), "edit this album");
        ValidationFailedException.ThrowIfAny(CatalogRules.Validate(input, clock));
        StaleEdits.Expect(album, input.Version, What, () => EditInput(album));
        await ThrowIfNameTakenAsync(db, album.ArtistId, album.Id, input, cancellationToken);

        db.Tracks.RemoveRange(Apply(input, album));
        // The tracks are part of the album: an edit of the track list alone still stamps (and publishes) the album as updated.
        db.Entry(album).Property(a => a.UpdatedAt).IsModified = true;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await StaleEdits.SaveAsync(What, () => SaveAsync(db, input, cancellationToken),
            async () => (await GetForEditAsync(albumId, CancellationToken.None))?.Input);
        await ArtistStats.RefreshAlbumsAsync(db, album.ArtistId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task DeleteAsync(Guid albumId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.ForWriteAsync();
        await using var db = await dbFactory.OpenAsync(actor, cancellationToken);
        var album = await db.Albums.Include(a => a.Tracks).SingleOrDefaultAsync(a => a.Id == albumId, cancellationToken)
            ?? throw new NotFoundException("This album no longer exists.");
        CatalogPolicy.Demand(CatalogPolicy.CanManageAlbum(actor, album.CreatedById), "delete this album");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await AlbumDeletion.DeleteAsync(db, [album], cancellationToken);
        await ArtistStats.RefreshAlbumsAsync(db, album.ArtistId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The album as its form edits it, or null when it does not exist.</summary>
    public async Task<AlbumEditModel?> GetForEditAsync(Guid albumId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.OpenAsync(actor, cancellationToken);
        var album = await db.Albums.AsNoTracking()
            .Include(a => a.Artist)
            .Include(a => a.Tracks.OrderBy(t => t.Order))
            .SingleOrDefaultAsync(a => a.Id == albumId, cancellationToken);
        if (album is null)
        {
            return null;
        }

        return new AlbumEditModel(album.Id, album.ArtistId, album.Artist!.Name, EditInput(album),
            CatalogPolicy.CanManageAlbum(actor, album.CreatedById));
    }

    private static AlbumInput EditInput(Album album) => new()
    {
        Name = album.Name,
        YearReleased = album.YearReleased,
        CoverImageUrl = album.CoverImageUrl,
        Tracks = album.Tracks.OrderBy(t => t.Order).Select(t => new TrackInput { Name = t.Name, Duration = Duration.Format(t.DurationSeconds) }).ToList(),
        Version = album.Version,
    };

    /// <summary>
    /// Applies the form to the album. Tracks are matched by name, so a track that stays keeps its row (and its id)
    /// and only what changed is written: the audit trail and the activity feed then see a reorder as a reorder, not
    /// as every track deleted and added again. Returns the tracks the form no longer has.
    /// </summary>
    private static IReadOnlyList<Track> Apply(AlbumInput input, Album album)
    {
        album.Name = input.Name!.Trim();
        album.YearReleased = input.YearReleased!.Value;
        album.CoverImageUrl = string.IsNullOrWhiteSpace(input.CoverImageUrl) ? null : input.CoverImageUrl.Trim();
        var unmatched = album.Tracks.OrderBy(t => t.Order).ToList();
        foreach (var (entered, order) in input.Tracks.Select((t, i) => (t, i)))
        {
            var name = entered.Name!.Trim();
            var track = unmatched.FirstOrDefault(t => t.Name == name);
            if (track is null)
            {
                track = new Track { AlbumId = album.Id, Name = name };
                album.Tracks.Add(track);
            }
            else
            {
                unmatched.Remove(track);
            }

            track.Order = order;
            track.DurationSeconds = Duration.TryParse(entered.Duration, out var seconds) ? seconds : 0;
        }

        foreach (var removed in unmatched)
        {
            album.Tracks.Remove(removed);
        }

        return unmatched;
    }

    private static async Task ThrowIfNameTakenAsync(
        MusicDbContext db, Guid artistId, Guid? albumId, AlbumInput input, CancellationToken cancellationToken)
    {
        // Compared here, not in SQL: SQLite's lower() folds ASCII only, so "Été" and "ÉTÉ" would both pass.
        var name = input.Name!.Trim().ToLowerInvariant();
        var names = await db.Albums
            .Where(a => a.ArtistId == artistId && a.Id != albumId)
            .Select(a => a.Name)
            .ToListAsync(cancellationToken);
        if (names.Any(n => n.ToLowerInvariant() == name))
        {
            throw new ValidationFailedException([CatalogRules.DuplicateAlbumName(input)]);
        }
    }

    // The unique index backs up the check above when two editors save the same name at once.
    private static async Task SaveAsync(MusicDbContext db, AlbumInput input, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (SaveFailedException ex) when (ex.IsDuplicate)
        {
            throw new ValidationFailedException([CatalogRules.DuplicateAlbumName(input)]);
        }
    }
}

public sealed record AlbumEditModel(Guid Id, Guid ArtistId, string ArtistName, AlbumInput Input, bool CanManage);
