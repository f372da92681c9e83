using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MusicBlazor.Catalog;
using MusicBlazor.Tests.EndToEnd.Infrastructure;
using MusicBlazor.Tests.EndToEnd.Pages;
using static Microsoft.Playwright.Assertions;

namespace MusicBlazor.Tests.EndToEnd.Screenshots;

/// <summary>
/// Renders the main screens from the demo data and saves them as PNGs under TestResults/screenshots/. With
/// MUSICBLAZOR_SCREENSHOTS=update they also replace the README's images in docs/screenshots/.
/// </summary>
public sealed class ScreenshotTests(BrowserFixture browser, DemoAppServer server) : EndToEndTest<DemoAppServer>(browser, server)
{
    [EndToEndFact]
    public Task CapturesTheMainScreensFromTheDemoData() => FlowAsync(async () =>
    {
        var artist = (await Server.AsAsync(AppServer.User, s => s.GetRequiredService<ArtistQueries>()
            .ListAsync(new ArtistListRequest(null, ArtistSort.AlbumCount, 1)))).Artists[0];
        var details = await Server.AsAsync(AppServer.User, s => s.GetRequiredService<ArtistQueries>().GetAsync(artist.Id));
        var album = details!.Albums.First(a => a.Tracks.Count > 0);
        await Server.FollowAsync(AppServer.User, artist.Id);
        await Server.AlbumAsync(AppServer.Editor, artist.Id, "Northern Lights, Live", 2025);
        await Server.AlbumAsync(AppServer.Editor, artist.Id, "Sessions at Dawn", 2024);

        var list = await OpenAsync(AppServer.User, "/");
        await Expect(new ArtistListPage(list).Cards).ToHaveCountAsync(12);
        await SaveBothThemesAsync(list, "artist-list");

        var panel = new NotificationsPanel(list);
        await panel.OpenAsync();
        await Expect(panel.Items).ToHaveCountAsync(2);
        await SaveBothThemesAsync(list, "notifications-panel");

        var artistPage = await OpenAsync(AppServer.User, $"/artists/{artist.Id}");
        await Expect(new ArtistDetailsPage(artistPage).TrackRows(album.Name).First).ToBeVisibleAsync();
        await SaveBothThemesAsync(artistPage, "artist-page");

        var form = await OpenAsync(AppServer.Admin, $"/albums/{album.Id}/edit");
        await Expect(new AlbumFormPage(form).TrackNames.First).ToHaveValueAsync(album.Tracks[0].Name);
        await SaveBothThemesAsync(form, "album-form");

        // The home page's live Recent activity feed: the two albums, written by the activity-feed subscriber.
        await list.Keyboard.PressAsync("Escape");
        await Expect(panel.Popup).ToBeHiddenAsync();
        var feed = list.Locator("aside.recent-activity");
        await Expect(feed.Locator(".activity-line")).ToHaveCountAsync(2);
        await feed.ScrollIntoViewIfNeededAsync();
        await SaveBothThemesAsync(list, "recent-activity");

        var audit = await OpenAsync(AppServer.Admin, "/audit");
        await Expect(audit.GetByRole(AriaRole.Row).Filter(new() { HasText = "Created album Sessions at Dawn" })).ToBeVisibleAsync();
        await SaveBothThemesAsync(audit, "audit-log");

        var phone = await OpenAsync(AppServer.User, "/");
        await phone.SetViewportSizeAsync(390, 844);
        await Expect(new ArtistListPage(phone).Cards.First).ToBeVisibleAsync();
        await SaveBothThemesAsync(phone, "artist-list-phone");

        await GoToAsync(phone, $"/artists/{artist.Id}");
        await Expect(new ArtistDetailsPage(phone).TrackRows(album.Name).First).ToBeVisibleAsync();
        await SaveBothThemesAsync(phone, "artist-page-phone");
    });

    // Dark comes from the system preference (the theme's default), so this also shows the app following it.
    private static async Task SaveBothThemesAsync(IPage page, string name)
    {
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await Expect(page.Locator("html")).Not.ToHaveCSSAsync("--mud-palette-background", DarkBackground);
        await SaveAsync(page, name);
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await Expect(page.Locator("html")).ToHaveCSSAsync("--mud-palette-background", DarkBackground);
        await SaveAsync(page, $"{name}-dark");
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
    }

    private const string DarkBackground = "rgba(18,16,24,1)";

    private static async Task SaveAsync(IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var png = await page.ScreenshotAsync();
        Assert.True(png.Length > 10_000, $"The {name} screenshot is suspiciously small ({png.Length} bytes).");
        foreach (var folder in Folders())
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, $"{name}.png"), png);
        }
    }

    private static IEnumerable<string> Folders()
    {
        yield return Path.Combine(RepositoryPaths.TestResults, "screenshots");
        if (Environment.GetEnvironmentVariable("MUSICBLAZOR_SCREENSHOTS") == "update")
        {
            yield return Path.Combine(RepositoryPaths.Root, "docs", "screenshots");
        }
    }
}
