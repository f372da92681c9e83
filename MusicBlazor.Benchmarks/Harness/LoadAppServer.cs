using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MusicBlazor.Data;
using MusicBlazor.Hosting;
using MusicBlazor.TestSupport.Hosting;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// The real app on Kestrel over a fresh SQLite file (<see cref="KestrelAppServer"/>) for the load scenario, with two
/// observers: <see cref="AlbumCommits"/> on the context options (each album's commit moment, editors writing
/// concurrently) and <see cref="ServerProblems"/> among the logger providers. One setting differs from the app's
/// defaults, in this test server only: the sign-in limit per client address, since every browser of the run signs
/// in from 127.0.0.1 (the app allows 10 per minute from one address; the per-account limit is unchanged).
/// </summary>
internal sealed class LoadAppServer(ServerProblems problems) : KestrelAppServer("musicblazor-load")
{
    public const int SignInsPerAddressPerMinute = 200;

    public AlbumCommits Commits { get; } = new();

    public ServerProblems Problems => problems;

    protected override void AddTestServices(IServiceCollection services) =>
        services.ConfigureDbContext<MusicDbContext>((_, options) => options.AddInterceptors(Commits), ServiceLifetime.Singleton);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{SignInLimitOptions.Section}:PerAddress:PermitLimit"] = SignInsPerAddressPerMinute.ToString(),
        }));
        builder.ConfigureLogging(logging => logging.AddProvider(problems));
    }
}
