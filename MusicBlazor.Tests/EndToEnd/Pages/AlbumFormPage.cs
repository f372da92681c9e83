using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MusicBlazor.Tests.EndToEnd.Pages;

public sealed class AlbumFormPage(IPage page)
{
    public ILocator Name => page.GetByLabel("Name", new() { Exact = true });
    public ILocator YearReleased => page.GetByLabel("Year released");
    public ILocator CoverImageUrl => page.GetByLabel("Cover image URL");
    public ILocator TrackNames => page.GetByLabel("Track name", new() { Exact = true });
    public ILocator Durations => page.GetByLabel("Duration", new() { Exact = true });
    public ILocator Save => page.GetByRole(AriaRole.Button, new() { Name = "Save" });

    public async Task AddTrackAsync(string name, string duration)
    {
        var index = await TrackNames.CountAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add track" }).ClickAsync();
        await Expect(TrackNames).ToHaveCountAsync(index + 1);
        await TrackNames.Nth(index).FillAsync(name);
        await Durations.Nth(index).FillAsync(duration);
    }

    public Task RemoveTrackAsync(int number) => Button($"Remove track {number}").ClickAsync();

    public Task MoveUpAsync(int number) => Button($"Move track {number} up").ClickAsync();

    public Task MoveDownAsync(int number) => Button($"Move track {number} down").ClickAsync();

    private ILocator Button(string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
}
