using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using MusicBlazor.Accounts;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// The "signed-in circuit" of a benchmark: one per DI scope, like the app's provider, holding a fixed user.
/// It replaces the app's revalidating provider, which would re-check every open circuit against the database once
/// a minute: with 10,000 circuits that is background database traffic the scenarios do not mean to measure (and
/// it would land in the live-delivery command count).
/// </summary>
internal sealed class BenchAuthenticationStateProvider : AuthenticationStateProvider
{
    private static readonly Task<AuthenticationState> Anonymous = Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())));
    private Task<AuthenticationState> _state = Anonymous;

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => _state;

    public void SignIn(Guid userId, string role = Roles.User)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, userId.ToString()),
                new Claim(ClaimTypes.Name, $"bench-{userId:N}"),
                new Claim(ClaimTypes.Role, role),
            ],
            authenticationType: "Benchmark");
        _state = Task.FromResult(new AuthenticationState(new ClaimsPrincipal(identity)));
        NotifyAuthenticationStateChanged(_state);
    }
}
