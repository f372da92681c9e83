using MusicBlazor.Components;
using MusicBlazor.Components.Account;
using MusicBlazor.Hosting.Health;

namespace MusicBlazor.Hosting;

public static class RequestPipeline
{
    public static void UseMusicBlazor(this WebApplication app)
    {
        app.UseTransportSecurity();
        if (app.Environment.IsDevelopment())
        {
            app.UseMigrationsEndPoint();
        }
        else
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseSecurityHeaders();

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseSignInRateLimits();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        // frame-ancestors is part of SecurityHeaders' policy; Blazor's own header would be a second one.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
        app.MapAdditionalIdentityEndpoints();
        app.MapMusicBlazorHealth();
    }
}
