using Microsoft.Extensions.DependencyInjection;
using MusicBlazor.Accounts;
using MusicBlazor.Hosting.Metrics;
using MusicBlazor.Subscribers;
using MusicBlazor.Tests.Infrastructure;
using MusicBlazor.Tests.Infrastructure.Providers;

namespace MusicBlazor.Tests.Hosting;

public sealed class MetricsSubscriberTests
{
    [DatabaseFact]
    public async Task TheNotificationsWrittenForAnAlbumsFollowersAreCountedFromTheLog()
    {
        await using var app = await TestApp.StartAsync(configure: services => services.AddChangeSubscriber<MetricsSubscriber>());
        var admin = await app.CreateUserAsync(Roles.Admin);
        var editor = await app.CreateUserAsync(Roles.Editor);
        var artist = await app.CreateArtistAsync(admin, "Followed Thrice");
        await app.StartSubscribersAndWaitAsync();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            await app.FollowAsync(await app.CreateUserAsync(), artist);
        }

        await app.FollowAsync(editor, artist);
        await app.CreateAlbumAsync(editor, artist, "Told Three Fans");

        var metrics = app.Services.GetRequiredService<MusicBlazorMetrics>();
        // Three followers; the editor follows too but is not told about their own album.
        await Eventually.TrueAsync(() => metrics.NotificationsWritten == 3, "three notifications counted");
        Assert.True(await app.Services.GetRequiredService<SubscriberProgress>().WaitForAsync("metrics", await app.LogHeadAsync(), TimeSpan.FromSeconds(10)));
        Assert.Equal(3, metrics.NotificationsWritten);
    }
}
