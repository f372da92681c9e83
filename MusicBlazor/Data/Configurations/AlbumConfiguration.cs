using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;

namespace MusicBlazor.Data.Configurations;

internal sealed class AlbumConfiguration : IEntityTypeConfiguration<Album>
{
    public void Configure(EntityTypeBuilder<Album> album)
    {
        album.Property(a => a.Id).ValueGeneratedNever();
        album.Property(a => a.Name).HasMaxLength(Album.NameMaxLength).IsRequired();
        album.Property(a => a.Version).IsConcurrencyToken();
        album.Property(a => a.CoverImageUrl).HasMaxLength(Album.CoverImageUrlMaxLength);
        album.HasIndex(a => new { a.ArtistId, a.Name }).IsUnique();

        // The services delete albums explicitly (so that every deletion is a change event); the cascade only backs them up.
        album.HasOne(a => a.Artist).WithMany(a => a.Albums).HasForeignKey(a => a.ArtistId).OnDelete(DeleteBehavior.Cascade);
        album.HasMany(a => a.Tracks).WithOne().HasForeignKey(t => t.AlbumId).OnDelete(DeleteBehavior.Cascade);
        album.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.CreatedById).OnDelete(DeleteBehavior.SetNull);
        album.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UpdatedById).OnDelete(DeleteBehavior.SetNull);
    }
}
