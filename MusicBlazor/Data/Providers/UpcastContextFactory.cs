using Microsoft.EntityFrameworkCore;

namespace MusicBlazor.Data.Providers;

/// <summary>The app asks for <see cref="MusicDbContext"/>; a provider with a context type of its own hands out that type.</summary>
internal sealed class UpcastContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<MusicDbContext>
    where TContext : MusicDbContext
{
    public MusicDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<MusicDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
