using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MusicBlazor.Catalog;
using MusicBlazor.Tests.EndToEnd.Infrastructure;
using MusicBlazor.Tests.EndToEnd.Pages;
using static Microsoft.Playwright.Assertions;

namespace MusicBlazor.Tests.EndToEnd.Flows;

public sealed class BrowseFlowTests(BrowserFixture browser, AppServer server) : EndToEndTest(browser, server)
{
    private async Task ArrangeCatalogAsync()
    {
        var oak = await Server.ArtistAsync("Zephyr Oak");
        await Server.ArtistAsync("Aurora Fields");
        var mosaic = await Server.ArtistAsync("Mosaic");
        var brightline = await Server.ArtistAsync("Brightline");
        var cobalt = await Server.ArtistAsync("Cobalt");
        for (var i = 1; i <= 9; i++)
        {
            await Server.ArtistAsync($"Filler {i:00}");
        }

        await Server.ArtistAsync("Newcomer");
        foreach (var year in new[] { 1990, 1991, 1992 })
        {
            await Server.AlbumAsync(AppServer.Editor, mosaic, $"Tile {year}", year);
        }

        await Server.AlbumAsync(AppServer.Editor, brightline, "Tomorrow", DateTime.UtcNow.Year);
        await Server.FollowAsync(await Server.CreateAccountAsync(), cobalt);
        await Server.FollowAsync(await Server.CreateAccountAsync(), cobalt);
        await Server.AsAsync(AppServer.Admin, s => s.GetRequiredService<ArtistService>()
            .UpdateAsync(oak, new ArtistInput { Name = "Zephyr Oak", Biography = "Edited last." }));
    }

    [EndToEndFact]
    public Task SearchSortAndPagesLiveInTheUrl() => FlowAsync(async () =>
    {
        await ArrangeCatalogAsync();
        var page = await OpenAsync(null, "/");
        var list = new ArtistListPage(page);
        await Expect(list.Cards).ToHaveCountAsync(12);
        await Expect(list.ArtistNames.First).ToHaveTextAsync("Zephyr Oak");

        var historyLength = await page.EvaluateAsync<int>("history.length");
        await list.SearchForAsync("O");
        await Expect(page).ToHaveURLAsync(new Regex(@"/\?q=O$"));
        await Expect(list.ArtistNames).ToHaveTextAsync(["Zephyr Oak", "Newcomer", "Cobalt", "Mosaic", "Aurora Fields"], new() { UseInnerText = true });

        // Three letters or more that few artists contain: found through the trigram index rather than by walking the list.
        await list.SearchForAsync("BALT");
        await Expect(page).ToHaveURLAsync(new Regex(@"/\?q=BALT$"));
        await Expect(list.ArtistNames).ToHaveTextAsync(["Cobalt"]);
        // Typing replaces the history entry: Back does not step through every pause.
        Assert.Equal(historyLength, await page.EvaluateAsync<int>("history.length"));

        (string Sort, string First)[] orders =
        [
            ("Recently added", "Newcomer"),
            ("Name", "Aurora Fields"),
            ("Number of albums", "Mosaic"),
            ("Latest album release", "Brightline"),
            ("Number of followers", "Cobalt"),
            ("Recently updated", "Zephyr Oak"),
        ];
        await list.SearchForAsync("");
        await Expect(page).ToHaveURLAsync(new Regex(@"/$"));
        foreach (var (sort, first) in orders)
        {
            await list.SortByAsync(sort);
            await Expect(list.ArtistNames.First).ToHaveTextAsync(first);
        }

        await list.SortByAsync("Name");
        await Expect(page).ToHaveURLAsync(new Regex(@"/\?sort=name$"));
        await list.Next.ClickAsync();
        // The URL keeps where page 1 ended, so the reload below continues from there too.
        await Expect(page).ToHaveURLAsync(new Regex(@"/\?sort=name&page=2&after=[0-9a-f]{32}\.[^&]+$"));
        await Expect(list.ArtistNames).ToHaveTextAsync(["Mosaic", "Newcomer", "Zephyr Oak"]);

        await page.ReloadAsync();
        await Expect(list.ArtistNames).ToHaveTextAsync(["Mosaic", "Newcomer", "Zephyr Oak"]);
        await Expect(list.SortBy).ToHaveValueAsync("Name");

        await list.Previous.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/\?sort=name$"));
        await Expect(list.ArtistNames.First).ToHaveTextAsync("Aurora Fields");
        await page.GoBackAsync();
        await Expect(list.ArtistNames.First).ToHaveTextAsync("Mosaic");
    });
}
