using Microsoft.Playwright;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// Pages of one browser context, each the only (so the active) tab of its own window. Playwright's
/// <c>NewPageAsync</c> opens every page of a context as a tab of one window, even headless (checked with
/// <c>Browser.getWindowForTarget</c> on Chromium 156): all but the last are then background tabs. They still report
/// <c>document.visibilityState == "visible"</c> (Playwright's emulation), and Playwright already passes
/// --disable-background-timer-throttling, --disable-renderer-backgrounding and --disable-backgrounding-occluded-windows,
/// yet once live updates arrive their frames drop to about one per second. A window each keeps every page painting.
/// </summary>
internal static class BrowserWindows
{
    /// <summary>Opens a blank page in a new window of <paramref name="existing"/>'s context (same cookies).</summary>
    public static async Task<IPage> OpenAsync(IBrowserContext context, IPage existing)
    {
        var pageSession = await context.NewCDPSessionAsync(existing);
        var info = await pageSession.SendAsync("Target.getTargetInfo");
        var contextId = info!.Value.GetProperty("targetInfo").GetProperty("browserContextId").GetString()!;
        await pageSession.DetachAsync();

        var browserSession = await context.Browser!.NewBrowserCDPSessionAsync();
        var page = await context.RunAndWaitForPageAsync(() => browserSession.SendAsync("Target.createTarget", new Dictionary<string, object>
        {
            ["url"] = "about:blank",
            ["browserContextId"] = contextId,
            ["newWindow"] = true,
        }));
        await browserSession.DetachAsync();
        return page;
    }

    /// <summary>The window that holds <paramref name="page"/>.</summary>
    public static async Task<long> WindowIdAsync(IBrowserContext context, IPage page)
    {
        var session = await context.NewCDPSessionAsync(page);
        var window = await session.SendAsync("Browser.getWindowForTarget");
        await session.DetachAsync();
        return window!.Value.GetProperty("windowId").GetInt64();
    }
}
