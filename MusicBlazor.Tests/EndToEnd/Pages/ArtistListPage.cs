using Microsoft.Playwright;

namespace MusicBlazor.Tests.EndToEnd.Pages;

public sealed class ArtistListPage(IPage page)
{
    public ILocator Search => page.GetByLabel("Search", new() { Exact = true });
    public ILocator SortBy => page.GetByRole(AriaRole.Combobox, new() { Name = "Sort by" });
    public ILocator Cards => page.GetByRole(AriaRole.List, new() { Name = "Artists" }).GetByRole(AriaRole.Listitem);
    public ILocator ArtistNames => Cards.GetByRole(AriaRole.Heading);
    public ILocator Pagination => page.GetByRole(AriaRole.Navigation, new() { Name = "Pagination" });
    public ILocator Next => Pagination.GetByRole(AriaRole.Button, new() { Name = "Next page", Exact = true });
    public ILocator Previous => Pagination.GetByRole(AriaRole.Button, new() { Name = "Previous page", Exact = true });

    /// <summary>Types into the search field key by key; the list searches once the typing pauses.</summary>
    public async Task SearchForAsync(string text)
    {
        await Search.ClearAsync();
        await Search.PressSequentiallyAsync(text, new() { Delay = 40 });
    }

    public async Task SortByAsync(string label)
    {
        await SortBy.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = label, Exact = true }).ClickAsync();
    }
}
