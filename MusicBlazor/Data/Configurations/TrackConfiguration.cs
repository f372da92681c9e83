using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MusicBlazor.Catalog;

namespace MusicBlazor.Data.Configurations;

internal sealed class TrackConfiguration : IEntityTypeConfiguration<Track>
{
    public void Configure(EntityTypeBuilder<Track> track)
    {
        track.Property(t => t.Id).ValueGeneratedNever();
        track.Property(t => t.Name).HasMaxLength(Track.NameMaxLength).IsRequired();
        track.HasIndex(t => new { t.AlbumId, t.Order });
        track.ToTable(t => t.HasCheckConstraint("CK_Tracks_DurationSeconds", "\"DurationSeconds\" >= 1"));
    }
}
