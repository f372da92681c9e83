using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MusicBlazor.Accounts;
using MusicBlazor.Notifications;

namespace MusicBlazor.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.HasKey(n => new { n.UserId, n.AlbumId });
        notification.HasIndex(n => n.AlbumId);
        notification.HasOne(n => n.Album).WithMany().HasForeignKey(n => n.AlbumId).OnDelete(DeleteBehavior.Cascade);
        notification.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
