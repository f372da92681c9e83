using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MusicBlazor.Accounts;
using MusicBlazor.Activity;
using MusicBlazor.Audit;
using MusicBlazor.Catalog;
using MusicBlazor.Common;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Notifications;
using MusicBlazor.Notifications.Email;
using MusicBlazor.Subscribers;

namespace MusicBlazor.Data;

/// <summary>
/// Catalog, accounts and notifications. Create one per operation from <c>IDbContextFactory</c> and set
/// <see cref="Actor"/>: it stamps created/updated by and is the actor the change log records (through the
/// transaction's <see cref="ChangeContextInterceptor"/>), so every save runs in a transaction.
/// Instances are pooled: disposing returns the context to the pool, so its own state is reset there too.
/// On SQLite this is the context itself; on PostgreSQL it is <see cref="Providers.PostgresMusicDbContext"/>.
/// </summary>
public class MusicDbContext : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>, IDataProtectionKeyContext
{
    public MusicDbContext(DbContextOptions<MusicDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider's own context type, which keeps that provider's migrations apart.</summary>
    protected MusicDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Artist> Artists => Set<Artist>();
    public DbSet<Album> Albums => Set<Album>();
    public DbSet<Track> Tracks => Set<Track>();
    public DbSet<ArtistFollower> ArtistFollowers => Set<ArtistFollower>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<ChangeEvent> ChangeLog => Set<ChangeEvent>();
    public DbSet<SubscriberPosition> SubscriberPositions => Set<SubscriberPosition>();
    public DbSet<DeadLetter> DeadLetters => Set<DeadLetter>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ActivityItem> ActivityItems => Set<ActivityItem>();
    public DbSet<AlbumEmail> AlbumEmails => Set<AlbumEmail>();

    /// <summary>The keys that protect sign-in cookies and antiforgery tokens, shared by every server on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public Actor Actor { get; set; } = Actor.Anonymous;

    /// <summary>Database errors leave the data layer as the domain's own <see cref="SaveFailedException"/>.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Even a single-statement save gets a transaction, which carries its actor to the log's triggers.
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            throw new SaveFailedException(ex, DbErrors.IsUniqueViolation(ex));
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MusicDbContext).Assembly);
        IdOrder.Map(builder);
    }

    public override void Dispose()
    {
        ResetOwnState();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        ResetOwnState();
        return base.DisposeAsync();
    }

    /// <summary>The next renter of this pooled instance must not act as the previous one.</summary>
    private void ResetOwnState() => Actor = Actor.Anonymous;
}
