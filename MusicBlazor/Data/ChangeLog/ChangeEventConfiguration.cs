using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MusicBlazor.Data.ChangeLog;

/// <summary>The log is written by database triggers (migration <c>ChangeLog</c>); the app only reads it and prunes it.</summary>
internal sealed class ChangeEventConfiguration : IEntityTypeConfiguration<ChangeEvent>
{
    public void Configure(EntityTypeBuilder<ChangeEvent> log)
    {
        log.ToTable("ChangeLog");
        log.HasKey(e => e.Sequence);
        log.Property(e => e.Sequence).ValueGeneratedOnAdd();
        log.Property(e => e.Id).HasColumnName("EntityId");
        log.Property(e => e.At).HasDefaultValueSql("strftime('%Y-%m-%d %H:%M:%f', 'now')");
        log.HasIndex(e => e.At);
    }
}
