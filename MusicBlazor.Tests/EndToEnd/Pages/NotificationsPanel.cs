using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MusicBlazor.Tests.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MusicBlazor.Tests.EndToEnd.Pages;

/// <summary>The bell and its popup in the top bar, as a screen reader user meets them.</summary>
public sealed partial class NotificationsPanel(IPage page)
{
    public ILocator Bell => page.GetByRole(AriaRole.Button, new() { NameRegex = BellName() });
    public ILocator Popup => page.GetByRole(AriaRole.Region, new() { Name = "Notifications", Exact = true });
    public ILocator Items => Popup.GetByRole(AriaRole.Listitem);
    public ILocator Announcement => page.GetByRole(AriaRole.Status, new() { Name = "Notification announcements" });

    public Task ExpectCountAsync(int count) =>
        Expect(Bell).ToHaveAccessibleNameAsync($"Notifications ({count})", new() { Timeout = EndToEndTest.LiveTimeout });

    public async Task OpenAsync()
    {
        if (await Bell.GetAttributeAsync("aria-expanded") != "true")
        {
            await Bell.ClickAsync();
        }

        await Popup.WaitForAsync();
    }

    public ILocator Item(string albumName) => Items.Filter(new() { HasText = albumName });

    public Task DismissAsync(string albumName) =>
        Item(albumName).GetByRole(AriaRole.Button, new() { Name = "Dismiss", Exact = true }).ClickAsync();

    public Task DismissAllAsync() => Popup.GetByRole(AriaRole.Button, new() { Name = "Dismiss all" }).ClickAsync();

    [GeneratedRegex(@"^Notifications( \(\d+\))?$")]
    private static partial Regex BellName();
}
