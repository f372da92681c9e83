using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Components.Pages.Status;
using MusicBlazor.Subscribers;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Components;

public sealed class SystemPageTests : ComponentTest
{
    private IRenderedComponent<SystemPage> RenderSystem(Actor actor)
    {
        Services.AddSingleton(App.Services.GetRequiredService<HealthCheckService>());
        Services.AddSingleton(App.Services.GetRequiredService<SubscriberHost>());
        SignIn(actor);
        return Render<SystemPage>();
    }

    [Fact]
    public async Task AnAdminSeesTheHealthChecksAndTheFiguresSinceStart()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        var editor = await App.CreateUserAsync(Roles.Editor);
        var artist = await App.CreateArtistAsync(admin, "Counted Twice");
        await App.As<AlbumService>(editor).CreateAsync(artist, CatalogSeed.AlbumInput("One", 2001));
        await App.As<AlbumService>(editor).CreateAsync(artist, CatalogSeed.AlbumInput("Two", 2002));

        var page = RenderSystem(admin);

        page.WaitForAssertion(() => Assert.Equal("Health: Healthy", page.Find("#health-heading").TextContent));
        var checks = page.FindAll("section[aria-labelledby=health-heading] tbody th").Select(th => th.TextContent).ToList();
        Assert.Equal(["database", "change-log", "subscribers"], checks);
        var albums = page.FindAll("section[aria-labelledby=counters-heading] tr").Single(r => r.TextContent.Contains("Albums created"));
        Assert.EndsWith("2", albums.TextContent.Trim());
        var subscribers = page.FindAll("section[aria-labelledby=subscribers-heading] tbody th").Select(th => th.TextContent);
        Assert.Equal(["audit-trail", "activity-feed"], subscribers);
    }
}
