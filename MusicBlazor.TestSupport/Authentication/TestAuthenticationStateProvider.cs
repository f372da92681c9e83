using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using MusicBlazor.Accounts;

namespace MusicBlazor.TestSupport.Authentication;

/// <summary>
/// A "signed-in circuit": one per DI scope, like the app's provider, signed in as any actor. It stands in for the
/// app's revalidating provider, which would re-check every open circuit against the database once a minute: with
/// 10,000 benchmark circuits that is background database traffic no test or scenario means to measure (and it
/// would land in the live-delivery command count).
/// </summary>
public sealed class TestAuthenticationStateProvider : AuthenticationStateProvider
{
    private static readonly Task<AuthenticationState> Anonymous = Task.FromResult(new AuthenticationState(ToPrincipal(Actor.Anonymous)));

    private Task<AuthenticationState> _state = Anonymous;

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => _state;

    public void SignIn(Actor actor)
    {
        _state = Task.FromResult(new AuthenticationState(ToPrincipal(actor)));
        NotifyAuthenticationStateChanged(_state);
    }

    public void SignIn(Guid userId, string role = Roles.User) => SignIn(Actor.User(userId, role));

    /// <summary>Signs in with a principal as the app's sign-in makes it (security stamp included).</summary>
    public void SignIn(ClaimsPrincipal principal)
    {
        _state = Task.FromResult(new AuthenticationState(principal));
        NotifyAuthenticationStateChanged(_state);
    }

    public void SignOut() => SignIn(Actor.Anonymous);

    public static ClaimsPrincipal ToPrincipal(Actor actor)
    {
        if (actor.UserId is not { } id)
        {
            return new ClaimsPrincipal(new ClaimsIdentity());
        }

        List<Claim> claims = [new(ClaimTypes.NameIdentifier, id.ToString()), new(ClaimTypes.Name, actor.Name ?? id.ToString())];
        if (actor.Role is { } role)
        {
            claims.Add(new(ClaimTypes.Role, role));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }
}
