using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MusicBlazor.Data;

namespace MusicBlazor.Accounts;

/// <summary>The actor of the current circuit or request, as the services see it.</summary>
public interface ICurrentActor
{
    /// <summary>As the sign-in says: for reading (whose follows, whose notifications).</summary>
    Task<Actor> GetAsync();

    /// <summary>
    /// As the database says right now, for every write: the account's current role, and anonymous when the account is
    /// gone, closed by an admin, or its security stamp no longer matches the sign-in's (a role change, lock or password
    /// change since). A demoted editor's open tab or old cookie can then change nothing, whenever their sign-in catches up.
    /// </summary>
    Task<Actor> ForWriteAsync(CancellationToken cancellationToken = default);
}

internal sealed class CurrentActor(
    AuthenticationStateProvider authenticationStateProvider, IDbContextFactory<MusicDbContext> dbFactory, IOptions<IdentityOptions> identity)
    : ICurrentActor
{
    public async Task<Actor> GetAsync() => Actor.FromPrincipal(await PrincipalAsync());

    public async Task<Actor> ForWriteAsync(CancellationToken cancellationToken = default)
    {
        var principal = await PrincipalAsync();
        var claimed = Actor.FromPrincipal(principal);
        if (claimed.UserId is not { } userId)
        {
            return claimed;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from user in db.Users.Where(u => u.Id == userId)
                from link in db.UserRoles.Where(r => r.UserId == user.Id).DefaultIfEmpty()
                from role in db.Roles.Where(r => r.Id == link!.RoleId).DefaultIfEmpty()
                select new { user.SecurityStamp, user.LockoutEnd, Role = role!.Name })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0 || AccountLock.IsClosedByAdmin(rows[0].LockoutEnd) || !StampStillValid(principal, rows[0].SecurityStamp))
        {
            return Actor.Anonymous;
        }

        return claimed with { Role = Roles.Highest(role => rows.Any(r => r.Role == role)) };
    }

    // A sign-in cookie always carries the stamp it was issued with; only principals made in code (tests) lack one.
    private bool StampStillValid(ClaimsPrincipal principal, string? stored) =>
        principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) is not { } claimed || claimed == stored;

    private async Task<ClaimsPrincipal> PrincipalAsync() => (await authenticationStateProvider.GetAuthenticationStateAsync()).User;
}
