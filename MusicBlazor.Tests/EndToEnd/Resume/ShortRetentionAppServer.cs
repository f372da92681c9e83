using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MusicBlazor.Tests.EndToEnd.Infrastructure;

namespace MusicBlazor.Tests.EndToEnd.Resume;

/// <summary>
/// The app with a disconnected circuit dropped after one second instead of three minutes, so that a test can outlast
/// it and see .NET 10 resume the page from its persisted state.
/// </summary>
public sealed class ShortRetentionAppServer : AppServer
{
    public static readonly TimeSpan Retention = TimeSpan.FromSeconds(1);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Configure<CircuitOptions>(options =>
            options.DisconnectedCircuitRetentionPeriod = Retention));
    }
}
