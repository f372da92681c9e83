using System.Text.Json;
using Microsoft.Playwright;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// Stamps, on the page's own clock (ms since navigation start), when the circuit's WebSocket opened and when the
/// artist list became interactive: the bell names its count (the panel subscribed and loaded after the first
/// interactive render) and the first artist card is in the list. Both builds the benchmark compares render these.
/// </summary>
internal static class FirstVisitProbe
{
    public const string InitScript = """
        (() => {
          const stamps = window.__firstVisit = { connected: null, interactive: null };
          const NativeWebSocket = window.WebSocket;
          window.WebSocket = class extends NativeWebSocket {
            constructor(...args) {
              super(...args);
              this.addEventListener('open', () => { stamps.connected ??= performance.now(); });
            }
          };
          const ready = () =>
            document.querySelector('[aria-label^="Notifications ("]') !== null &&
            [...document.querySelectorAll('main a[href^="artists/"]')].some(a => a.getAttribute('href') !== 'artists/new');
          const observer = new MutationObserver(() => {
            if (stamps.interactive === null && ready()) {
              stamps.interactive = performance.now();
              observer.disconnect();
            }
          });
          document.addEventListener('DOMContentLoaded', () =>
            observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] }));
        })();
        """;

    public static async Task<(double ConnectedMs, double InteractiveMs)> WaitAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.__firstVisit.interactive !== null");
        var stamps = await page.EvaluateAsync<JsonElement>("() => window.__firstVisit");
        return (stamps.GetProperty("connected").GetDouble(), stamps.GetProperty("interactive").GetDouble());
    }

    /// <summary>The document's own milestones (ms since navigation start): where the time before the circuit goes.</summary>
    public static Task<Dictionary<string, double>> MilestonesAsync(IPage page) =>
        page.EvaluateAsync<Dictionary<string, double>>("""
            () => {
              const n = performance.getEntriesByType('navigation')[0];
              return { responseStart: n.responseStart, responseEnd: n.responseEnd,
                       domInteractive: n.domInteractive, domContentLoaded: n.domContentLoadedEventEnd };
            }
            """);
}
