using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MusicBlazor.Catalog;
using MusicBlazor.Common;
using MusicBlazor.Data;

namespace MusicBlazor.Accounts;

/// <summary>What admins do to accounts: list them, change a role, lock, unlock and delete.</summary>
public sealed class UserAdminService(
    IServiceScopeFactory scopes, IDbContextFactory<MusicDbContext> dbFactory, ICurrentActor currentActor, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await DemandAdminAsync("manage users");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking()
            .OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Id,
                u.Email,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
                u.LockoutEnd,
            })
            .ToListAsync(cancellationToken);
        return users.Select(u => new UserSummary(u.Id, u.Email ?? "", Roles.Highest(u.Roles.Contains), u.LockoutEnd > now)).ToList();
    }

    public async Task ChangeRoleAsync(Guid userId, string role, CancellationToken cancellationToken = default)
    {
        var actor = await DemandAdminAsync("change roles");
        if (!Roles.All.Contains(role))
        {
            throw new ActionRefusedException($"Unknown role '{role}'.");
        }

        DemandNotSelf(actor, userId, "change your own role");
        await WithUserManagerAsync(actor, userId, async (users, user) =>
        {
            (await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user))).ThrowIfFailed();
            (await users.AddToRoleAsync(user, role)).ThrowIfFailed();
            // Rotating the stamp makes the revalidating provider drop the old role from the user's open circuits.
            (await users.UpdateSecurityStampAsync(user)).ThrowIfFailed();
        });
    }

    public async Task SetLockedAsync(Guid userId, bool locked, CancellationToken cancellationToken = default)
    {
        var actor = await DemandAdminAsync(locked ? "lock accounts" : "unlock accounts");
        DemandNotSelf(actor, userId, "lock your own account");
        await WithUserManagerAsync(actor, userId, async (users, user) =>
        {
            (await users.SetLockoutEnabledAsync(user, true)).ThrowIfFailed();
            (await users.SetLockoutEndDateAsync(user, locked ? AccountLock.ByAdmin : null)).ThrowIfFailed();
            // Locking alone leaves the cookie valid (see field notes); a new stamp signs the user out.
            (await users.UpdateSecurityStampAsync(user)).ThrowIfFailed();
        });
    }

    public async Task DeleteAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var actor = await DemandAdminAsync("delete accounts");
        DemandNotSelf(actor, userId, "delete your own account here");
        await AccountDeletion.DeleteAsync(dbFactory, actor, userId, cancellationToken);
    }

    private async Task WithUserManagerAsync(Actor actor, Guid userId, Func<UserManager<ApplicationUser>, ApplicationUser, Task> change)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MusicDbContext>().Actor = actor;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new NotFoundException("This account no longer exists.");
        await change(users, user);
    }

    private async Task<Actor> DemandAdminAsync(string action)
    {
        var actor = await currentActor.ForWriteAsync();
        CatalogPolicy.Demand(CatalogPolicy.CanChangeRoles(actor), action);
        return actor;
    }

    private static void DemandNotSelf(Actor actor, Guid userId, string action)
    {
        if (actor.UserId == userId)
        {
            throw new ForbiddenException($"You cannot {action}: another admin has to.");
        }
    }
}
