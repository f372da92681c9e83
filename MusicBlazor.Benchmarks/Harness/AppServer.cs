using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MusicBlazor.Data;
using MusicBlazor.Notifications.Bus;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.TestSupport.Hosting;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// The real app on Kestrel as the end-to-end tests host it (<see cref="KestrelAppServer"/>), plus one observer:
/// <see cref="CommitClock"/> as the app's <see cref="IChangePublisher"/>, in front of the real bus.
/// </summary>
internal sealed class AppServer() : KestrelAppServer("musicblazor-bench")
{
    public CommitClock CommitClock => Services.GetRequiredService<CommitClock>();

    protected override void AddTestServices(IServiceCollection services)
    {
        var commits = new AlbumCommits();
        services.ConfigureDbContext<MusicDbContext>((_, options) => options.AddInterceptors(commits), ServiceLifetime.Singleton);
        services.AddSingleton<CommitClock>(provider => new CommitClock(provider.GetRequiredService<ChangeBus>(), commits));
        services.Replace(ServiceDescriptor.Singleton<IChangePublisher>(provider => provider.GetRequiredService<CommitClock>()));
    }
}
