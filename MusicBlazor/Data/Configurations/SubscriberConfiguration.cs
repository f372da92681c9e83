using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MusicBlazor.Subscribers;

namespace MusicBlazor.Data.Configurations;

/// <summary>Neither table is captured by the change log: a subscriber's bookkeeping is not a change of the catalog.</summary>
internal sealed class SubscriberPositionConfiguration : IEntityTypeConfiguration<SubscriberPosition>
{
    public void Configure(EntityTypeBuilder<SubscriberPosition> position)
    {
        position.ToTable("SubscriberPositions");
        position.HasKey(p => p.Name);
        position.Property(p => p.Name).HasMaxLength(SubscriberPosition.NameMaxLength);
    }
}

internal sealed class DeadLetterConfiguration : IEntityTypeConfiguration<DeadLetter>
{
    public void Configure(EntityTypeBuilder<DeadLetter> letter)
    {
        letter.ToTable("DeadLetters");
        letter.Property(l => l.Subscriber).HasMaxLength(SubscriberPosition.NameMaxLength);
        letter.Property(l => l.Error).HasMaxLength(DeadLetter.ErrorMaxLength);
        letter.HasIndex(l => new { l.Subscriber, l.Sequence }).IsUnique();
    }
}
