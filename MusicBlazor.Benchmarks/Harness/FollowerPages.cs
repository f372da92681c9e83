using Microsoft.Playwright;
using MusicBlazor.TestSupport.Browsers;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>What the browser scenarios do in a page as the signed-in follower, and whether they can run at all.</summary>
internal static class FollowerPages
{
    /// <summary>
    /// Debian's Chromium, or null after adding a "not run" row for <paramref name="scenario"/>. Under CI=true a missing
    /// browser is a failure instead: CI installs it.
    /// </summary>
    public static string? ChromiumOrNotRun(Report report, string scenario, long size, string sizeLabel)
    {
        if (Chromium.ExecutablePath is { } chromium)
        {
            return chromium;
        }

        if (Chromium.IsCi)
        {
            throw new InvalidOperationException($"CI=true but Chromium was not found; {Chromium.InstallHint}.");
        }

        report.Rows.Add(new ResultRow { Scenario = scenario, Size = size, SizeLabel = sizeLabel }.Show("Status", $"not run: {Chromium.InstallHint}"));
        return null;
    }

    /// <summary>Logs in through the real log-in page; the page's context then holds the cookie.</summary>
    public static async Task LogInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(AppServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).WaitForAsync();
    }

    /// <summary>
    /// The artist page with the notifications panel open, once its circuit is live (the bell reads "Notifications (0)"
    /// once the panel subscribed and loaded): its items are only in the DOM while it is open.
    /// </summary>
    public static async Task OpenArtistWithPanelAsync(IPage page, Guid artist)
    {
        await page.GotoAsync($"/artists/{artist}");
        await page.Locator("main h1").First.WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Notifications (0)", Exact = true }).ClickAsync();
        await page.Locator("#notifications-popup").WaitForAsync();
    }
}
