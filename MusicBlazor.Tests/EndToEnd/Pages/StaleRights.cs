using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MusicBlazor.Tests.EndToEnd.Pages;

/// <summary>What a role change must do to a signed-in editor's open album form and to the cookie it holds.</summary>
public static class StaleRights
{
    private static readonly Regex LogIn = new("/Account/Login\\?");

    /// <summary>
    /// Demotes the editor whose <paramref name="page"/> shows the album form at <paramref name="path"/>; the open tab
    /// must lose its rights within a second, and a new page load with the old cookie (opened by
    /// <paramref name="openWithCookie"/>) must be sent to log in.
    /// </summary>
    public static async Task ExpectDemotionToEndRightsAsync(IPage page, string path, Func<Task> demote, Func<string, Task<IPage>> openWithCookie)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New album");
        var oldCookie = await page.Context.StorageStateAsync();
        // The cookie is at least a second old, as any cookie is a second after its log-in.
        await Task.Delay(1100);

        var demoted = Stopwatch.StartNew();
        await demote();

        // The circuit signs out, and the page it shows, which needs an editor, sends the browser to log in.
        await Expect(page).ToHaveURLAsync(LogIn, new() { Timeout = 1000 });
        Assert.True(demoted.ElapsedMilliseconds < 1000, $"the open tab lost its rights after {demoted.ElapsedMilliseconds} ms");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true })).ToBeVisibleAsync();

        var reload = await openWithCookie(oldCookie);
        await reload.GotoAsync(path);
        await Expect(reload).ToHaveURLAsync(LogIn);
    }
}
