using Microsoft.Playwright;

namespace MusicBlazor.Tests.EndToEnd.Pages;

public sealed class ArtistListPage(IPage page)
{
    public ILocator Search => page.GetByLabel("Search", new() { Exact = true });
    public ILocator SortBy => page.GetByLabel("Sort by");
    public ILocator Cards => page.GetByRole(AriaRole.List, new() { Name = "Artists" }).GetByRole(AriaRole.Listitem);
    public ILocator ArtistNames => Cards.GetByRole(AriaRole.Heading);
    public ILocator Next => page.GetByRole(AriaRole.Link, new() { Name = "Next" });
    public ILocator Previous => page.GetByRole(AriaRole.Link, new() { Name = "Previous" });

    public async Task SearchForAsync(string text)
    {
        await Search.FillAsync(text);
        await Search.PressAsync("Enter");
    }

    public Task SortByAsync(string label) => SortBy.SelectOptionAsync(new SelectOptionValue { Label = label });
}
