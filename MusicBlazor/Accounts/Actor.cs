using System.Security.Claims;

namespace MusicBlazor.Accounts;

/// <summary>Who is performing an operation: a signed-in user with one role, or an anonymous visitor.</summary>
public sealed record Actor(Guid? UserId, string? Name, string? Role)
{
    public static Actor Anonymous { get; } = new(null, null, null);

    public bool IsAuthenticated => UserId is not null;
    public bool IsAdmin => IsAuthenticated && Role == Roles.Admin;
    public bool IsEditor => IsAuthenticated && Role == Roles.Editor;

    public static Actor User(Guid id, string role = Roles.User, string? name = null) => new(id, name, role);

    public static Actor FromPrincipal(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return Anonymous;
        }

        return new Actor(id, principal.Identity.Name, Roles.Highest(principal.IsInRole));
    }
}
