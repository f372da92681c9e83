using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;

namespace MusicBlazor.Data.Configurations;

internal sealed class ArtistFollowerConfiguration : IEntityTypeConfiguration<ArtistFollower>
{
    public void Configure(EntityTypeBuilder<ArtistFollower> follower)
    {
        follower.HasKey(f => new { f.ArtistId, f.UserId });
        follower.HasIndex(f => f.UserId);
        follower.HasOne<Artist>().WithMany().HasForeignKey(f => f.ArtistId).OnDelete(DeleteBehavior.Cascade);
        follower.HasOne<ApplicationUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
