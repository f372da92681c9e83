using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MusicBlazor.Components.Account;

/// <summary>
/// Calls Identity's security stamp validator only when a check is due (the cookie is older than the validation
/// interval), which is also the first thing the validator itself decides. Resolving the validator builds a sign-in
/// manager, a user manager and a DbContext in the request's scope; on the circuit's WebSocket request that scope lives
/// as long as the circuit, so every open page held them for nothing.
/// </summary>
internal sealed class DueSecurityStampValidation(IOptions<SecurityStampValidatorOptions> stampOptions)
    : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name != IdentityConstants.ApplicationScheme || options.Events.OnValidatePrincipal is not { } validate)
        {
            return;
        }

        options.Events.OnValidatePrincipal = context => IsDue(context) ? validate(context) : Task.CompletedTask;
    }

    private bool IsDue(CookieValidatePrincipalContext context)
    {
        var now = (stampOptions.Value.TimeProvider ?? TimeProvider.System).GetUtcNow();
        return context.Properties.IssuedUtc is not { } issued || now - issued > stampOptions.Value.ValidationInterval;
    }
}
