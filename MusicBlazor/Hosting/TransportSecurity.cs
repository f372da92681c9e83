using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace MusicBlazor.Hosting;

/// <summary>
/// Outside Development: HTTPS only. Behind a reverse proxy on the same machine (nginx) the proxy's
/// X-Forwarded-Proto/-For are believed, so a request that reached nginx over HTTPS counts as HTTPS here: it gets HSTS
/// and its cookies. Plain HTTP is redirected when the HTTPS port is known (an HTTPS endpoint of Kestrel's, or the
/// https_port setting behind a proxy). Every cookie is Secure; the server does not name itself.
/// </summary>
public static class TransportSecurity
{
    public static void AddTransportSecurity(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);
        services.Configure<ForwardedHeadersOptions>(options =>
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        services.Configure<CookiePolicyOptions>(options => options.Secure = CookieSecurePolicy.Always);
    }

    public static void UseTransportSecurity(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            return;
        }

        app.UseForwardedHeaders();
        app.UseHsts();
        app.UseHttpsRedirection();
        app.UseCookiePolicy();
    }
}
