using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;

namespace MusicBlazor.Data.Configurations;

internal sealed class ArtistConfiguration : IEntityTypeConfiguration<Artist>
{
    public void Configure(EntityTypeBuilder<Artist> artist)
    {
        artist.Property(a => a.Id).ValueGeneratedNever();
        artist.Property(a => a.Name).HasMaxLength(Artist.NameMaxLength).IsRequired();
        artist.Property(a => a.Version).IsConcurrencyToken();
        artist.Property(a => a.SearchName).HasMaxLength(Artist.NameMaxLength).IsRequired();
        artist.Property(a => a.Biography).HasMaxLength(Artist.BiographyMaxLength);
        artist.PrimitiveCollection(a => a.PreviousNames);
        // The cover of the artist's latest album (see ArtistStats).
        artist.Property(a => a.CoverImageUrl).HasMaxLength(Album.CoverImageUrlMaxLength);

        // One index per sort order, with the id as the tie-breaker that keeps pages stable. Each also carries
        // SearchName, so that a searched list tests the term on the index entry and reads the artist's row only for
        // matches: at 100,000 artists a deep searched page otherwise reads most rows of the table (86–240 ms).
        artist.HasIndex(a => new { a.UpdatedAt, a.Id, a.SearchName });
        artist.HasIndex(a => new { a.CreatedAt, a.Id, a.SearchName });
        artist.HasIndex(a => new { a.SearchName, a.Id });
        artist.HasIndex(a => new { a.AlbumCount, a.Id, a.SearchName });
        artist.HasIndex(a => new { a.LatestAlbumYear, a.Id, a.SearchName });
        artist.HasIndex(a => new { a.FollowerCount, a.Id, a.SearchName });

        artist.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.CreatedById).OnDelete(DeleteBehavior.SetNull);
        artist.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UpdatedById).OnDelete(DeleteBehavior.SetNull);
    }
}
