using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Common;
using MusicBlazor.Notifications;
using MusicBlazor.Notifications.Changes;

namespace MusicBlazor.Data;

/// <summary>
/// Catalog, accounts and notifications. Create one per operation from <c>IDbContextFactory</c> and set
/// <see cref="Actor"/>: it stamps created/updated by and is the actor of every change event.
/// Instances are pooled: disposing returns the context to the pool, so its own state is reset there too.
/// </summary>
public sealed class MusicDbContext(DbContextOptions<MusicDbContext> options)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<Artist> Artists => Set<Artist>();
    public DbSet<Album> Albums => Set<Album>();
    public DbSet<Track> Tracks => Set<Track>();
    public DbSet<ArtistFollower> ArtistFollowers => Set<ArtistFollower>();
    public DbSet<Notification> Notifications => Set<Notification>();

    public Actor Actor { get; set; } = Actor.Anonymous;

    internal PendingChanges PendingChanges { get; } = new();

    /// <summary>
    /// Records changes made by a statement that bypassed the change tracker (ExecuteUpdate, ExecuteDelete, raw SQL).
    /// Call it after the statement ran; the events still wait for the open transaction, if any, to commit.
    /// </summary>
    public void RecordExecutedChanges(IReadOnlyList<ChangeEvent> changes)
    {
        var gate = this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?
            .Interceptors?.OfType<CommitGate>().SingleOrDefault()
            ?? throw new InvalidOperationException("The commit gate is not registered on this context's options.");
        gate.Executed(this, changes);
    }

    /// <summary>Database errors leave the data layer as the domain's own <see cref="SaveFailedException"/>.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
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

    /// <summary>The next renter of this pooled instance must not act as, or publish for, the previous one.</summary>
    private void ResetOwnState()
    {
        PendingChanges.Discard();
        Actor = Actor.Anonymous;
    }
}
