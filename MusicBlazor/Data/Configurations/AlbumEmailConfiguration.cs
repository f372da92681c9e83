using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Notifications.Email;

namespace MusicBlazor.Data.Configurations;

/// <summary>Not captured by the change log: the follower e-mails' bookkeeping is not a change of the catalog.</summary>
internal sealed class AlbumEmailConfiguration : IEntityTypeConfiguration<AlbumEmail>
{
    public void Configure(EntityTypeBuilder<AlbumEmail> email)
    {
        email.ToTable("AlbumEmails");
        email.HasKey(e => new { e.UserId, e.AlbumId });
        // A deleted album or account takes its e-mails with it: nothing is sent about it or to it any more.
        email.HasOne<Album>().WithMany().HasForeignKey(e => e.AlbumId).OnDelete(DeleteBehavior.Cascade);
        email.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        // The digest's due rows, and a claim's rows.
        email.HasIndex(e => new { e.InDigest, e.ClaimedAt, e.CreatedAt });
        email.HasIndex(e => e.ClaimId);
        email.HasIndex(e => e.AlbumId);
    }
}
