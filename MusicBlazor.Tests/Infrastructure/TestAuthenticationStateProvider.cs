using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using MusicBlazor.Accounts;

namespace MusicBlazor.Tests.Infrastructure;

/// <summary>Stands in for the circuit's revalidating provider: one per DI scope, signed in as any actor.</summary>
public sealed class TestAuthenticationStateProvider : AuthenticationStateProvider
{
    private AuthenticationState _state = new(new ClaimsPrincipal(new ClaimsIdentity()));

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(_state);

    public void SignIn(Actor actor)
    {
        _state = new AuthenticationState(ToPrincipal(actor));
        NotifyAuthenticationStateChanged(Task.FromResult(_state));
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
