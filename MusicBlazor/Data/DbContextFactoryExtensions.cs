using Microsoft.EntityFrameworkCore;
using MusicBlazor.Accounts;

namespace MusicBlazor.Data;

public static class DbContextFactoryExtensions
{
    /// <summary>A context for one operation, acting as <paramref name="actor"/>.</summary>
    public static async Task<MusicDbContext> OpenAsync(
        this IDbContextFactory<MusicDbContext> factory, Actor actor, CancellationToken cancellationToken = default)
    {
        var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Actor = actor;
        return db;
    }
}
