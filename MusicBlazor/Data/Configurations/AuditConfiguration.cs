using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MusicBlazor.Activity;
using MusicBlazor.Audit;

namespace MusicBlazor.Data.Configurations;

/// <summary>Neither table is captured by the change log: both are written from it.</summary>
internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("AuditEntries");
        entry.HasKey(e => e.Sequence);
        entry.Property(e => e.Sequence).ValueGeneratedNever();
        entry.Property(e => e.Actor).HasMaxLength(AuditEntry.ActorMaxLength);
        entry.Property(e => e.Subject).HasMaxLength(AuditEntry.SubjectMaxLength);
        entry.HasIndex(e => e.At);
        entry.HasIndex(e => new { e.Entity, e.At });
        entry.HasIndex(e => new { e.ActorId, e.At });
    }
}

internal sealed class ActivityItemConfiguration : IEntityTypeConfiguration<ActivityItem>
{
    public void Configure(EntityTypeBuilder<ActivityItem> item)
    {
        item.ToTable("ActivityItems");
        item.HasKey(i => i.Sequence);
        item.Property(i => i.Sequence).ValueGeneratedNever();
        item.Property(i => i.ArtistName).HasMaxLength(ActivityItem.NameMaxLength);
        item.Property(i => i.AlbumName).HasMaxLength(ActivityItem.NameMaxLength);
        item.Property(i => i.Detail).HasMaxLength(ActivityItem.NameMaxLength);
        item.HasIndex(i => new { i.ArtistId, i.Sequence });
    }
}
