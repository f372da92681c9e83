using Microsoft.AspNetCore.Components.Authorization;

namespace MusicBlazor.Accounts;

/// <summary>The actor of the current circuit or request, as the services see it.</summary>
public interface ICurrentActor
{
    Task<Actor> GetAsync();
}

internal sealed class CurrentActor(AuthenticationStateProvider authenticationStateProvider) : ICurrentActor
{
    public async Task<Actor> GetAsync()
    {
        var state = await authenticationStateProvider.GetAuthenticationStateAsync();
        return Actor.FromPrincipal(state.User);
    }
}
