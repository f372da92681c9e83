using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MusicBlazor.Accounts;
using MusicBlazor.Data.DemoData;
using MusicBlazor.Data.Providers;

namespace MusicBlazor.Data;

/// <summary>Start-up: check the database opens, apply its provider's migrations, switch SQLite to WAL, make sure the roles exist, seed demo data if asked.</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var dbFactory = provider.GetRequiredService<IDbContextFactory<MusicDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await DatabaseConnectionCheck.EnsureOpensAsync(db, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
            }
        }

        var roles = provider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
            }
        }

        var options = provider.GetRequiredService<IOptions<DemoDataOptions>>().Value;
        if (options.SeedDemoAccounts)
        {
            await DemoAccounts.EnsureAsync(provider.GetRequiredService<UserManager<ApplicationUser>>(), options.DemoPassword);
        }

        if (options.Enabled)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await DemoCatalog.SeedIfEmptyAsync(db, cancellationToken);
        }
    }
}
