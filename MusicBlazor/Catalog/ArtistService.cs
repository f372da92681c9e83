using Microsoft.EntityFrameworkCore;
using MusicBlazor.Accounts;
using MusicBlazor.Common;
using MusicBlazor.Data;

namespace MusicBlazor.Catalog;

/// <summary>Creates, renames, edits and deletes artists; the only way the app changes them.</summary>
public sealed class ArtistService(IDbContextFactory<MusicDbContext> dbFactory, ICurrentActor currentActor)
{
    private const string What = "artist";

    public async Task<Guid> CreateAsync(ArtistInput input, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.ForWriteAsync();
        CatalogPolicy.Demand(CatalogPolicy.CanCreateArtist(actor), "create artists");
        ValidationFailedException.ThrowIfAny(CatalogRules.Validate(input));

        await using var db = await dbFactory.OpenAsync(actor, cancellationToken);
        var artist = Artist.Create(input.Name!.Trim(), Normalize(input.Biography));
        db.Artists.Add(artist);
        await db.SaveChangesAsync(cancellationToken);
        return artist.Id;
    }

    public async Task UpdateAsync(Guid artistId, ArtistInput input, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.ForWriteAsync();
        CatalogPolicy.Demand(CatalogPolicy.CanEditArtist(actor), "edit artists");
        ValidationFailedException.ThrowIfAny(CatalogRules.Validate(input));

        await using var db = await dbFactory.OpenAsync(actor, cancellationToken);
        var artist = await db.Artists.SingleOrDefaultAsync(a => a.Id == artistId, cancellationToken)
            ?? throw new NotFoundException("This artist no longer exists.");
        StaleEdits.Expect(artist, input.Version, What, () => ArtistInput.From(artist));
        artist.Rename(input.Name!.Trim());
        artist.Biography = Normalize(input.Biography);
        await StaleEdits.SaveAsync(What, () => db.SaveChangesAsync(cancellationToken), () => GetForEditAsync(artistId, cancellationToken));
    }

    /// <summary>Deletes the artist with its albums, their tracks and notifications, and its follows.</summary>
    public async Task DeleteAsync(Guid artistId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.ForWriteAsync();
        CatalogPolicy.Demand(CatalogPolicy.CanDeleteArtist(actor), "delete artists");

        await using var db = await dbFactory.OpenAsync(actor, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var artist = await db.Artists.SingleOrDefaultAsync(a => a.Id == artistId, cancellationToken)
            ?? throw new NotFoundException("This artist no longer exists.");
        var albums = await db.Albums.Include(a => a.Tracks).Where(a => a.ArtistId == artistId).ToListAsync(cancellationToken);
        await AlbumDeletion.DeleteAsync(db, albums, cancellationToken);

        await FollowDeletion.DeleteAsync(db, db.ArtistFollowers.Where(f => f.ArtistId == artistId), cancellationToken);

        db.Artists.Remove(artist);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<ArtistInput?> GetForEditAsync(Guid artistId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var artist = await db.Artists.AsNoTracking().SingleOrDefaultAsync(a => a.Id == artistId, cancellationToken);
        return artist is null ? null : ArtistInput.From(artist);
    }

    private static string? Normalize(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
