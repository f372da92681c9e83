using System.Text.Json;
using Microsoft.Playwright;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// What a benchmark measures inside a page, on the page's own clock (<c>performance.timeOrigin + performance.now()</c>,
/// Unix milliseconds like <see cref="WallClock"/>): when each WebSocket message reached the page, and, from a
/// MutationObserver, when each notification item and each album section first appeared in the DOM, plus when the
/// next frame began after an item appeared.
/// </summary>
internal static class PageProbe
{
    /// <summary>
    /// Runs before any page script (a context init script), so blazor.web.js opens its circuit through this
    /// WebSocket, whose extra listener only records arrival times (it is registered first, so it runs before Blazor's).
    /// </summary>
    public const string InitScript = """
        (() => {
          const now = () => performance.timeOrigin + performance.now();
          const bench = window.__bench = { messages: [], items: {}, frames: {}, albums: {}, waiters: [] };
          const NativeWebSocket = window.WebSocket;
          window.WebSocket = class extends NativeWebSocket {
            constructor(...args) {
              super(...args);
              this.addEventListener('message', () => bench.messages.push(now()));
            }
          };
        })();
        """;

    /// <summary>
    /// Starts the MutationObserver. It stamps a name the first time it sees it (in the callback, i.e. right after the
    /// render batch was applied to the DOM); <c>when(name)</c> resolves once the name's item, next frame and album
    /// section were all seen, so a benchmark can wait without polling in the page.
    /// </summary>
    public const string ObserveScript = """
        () => {
          const bench = window.__bench;
          const now = () => performance.timeOrigin + performance.now();
          const scan = (selector, stamps, at) => {
            const fresh = [];
            for (const element of document.querySelectorAll(selector)) {
              const name = element.textContent.trim();
              if (!(name in stamps)) {
                stamps[name] = at;
                fresh.push(name);
              }
            }
            return fresh;
          };
          const settle = () => {
            bench.waiters = bench.waiters.filter(w => {
              const done = w.name in bench.frames && w.name in bench.albums;
              if (done) w.resolve(true);
              return !done;
            });
          };
          bench.when = name => new Promise(resolve => { bench.waiters.push({ name, resolve }); settle(); });
          new MutationObserver(() => {
            const at = now();
            const items = scan('#notifications-popup li strong', bench.items, at);
            scan('main section.album-entry h3', bench.albums, at);
            if (items.length > 0) {
              requestAnimationFrame(() => {
                const frame = now();
                for (const name of items) bench.frames[name] = frame;
                settle();
              });
            }
            settle();
          }).observe(document.body, { childList: true, subtree: true, characterData: true });
        }
        """;

    public const string NowScript = "() => performance.timeOrigin + performance.now()";

    /// <summary>Mean time between the next 10 animation frames: about 16 ms in a page that paints, about 1,000 ms in a throttled one.</summary>
    public static Task<double> FrameIntervalAsync(IPage page) => page.EvaluateAsync<double>("""
        () => new Promise(resolve => {
          const start = performance.now();
          let frames = 0;
          const next = () => ++frames < 10 ? requestAnimationFrame(next) : resolve((performance.now() - start) / frames);
          requestAnimationFrame(next);
        })
        """);

    public static Task<bool> WhenSeenAsync(IPage page, string name) => page.EvaluateAsync<bool>("name => window.__bench.when(name)", name);

    public static async Task<PageStamps> CollectAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>(
            "() => ({ ...window.__bench, waiters: undefined, when: undefined, visibility: document.visibilityState, focused: document.hasFocus() })");
        // Playwright's serializer adds "$id" reference markers to objects.
        static Dictionary<string, double> Map(JsonElement element) =>
            element.EnumerateObject().Where(p => !p.Name.StartsWith('$')).ToDictionary(p => p.Name, p => p.Value.GetDouble());
        return new PageStamps(
            Map(json.GetProperty("items")),
            Map(json.GetProperty("frames")),
            Map(json.GetProperty("albums")),
            json.GetProperty("messages").EnumerateArray().Select(m => m.GetDouble()).ToArray(),
            json.GetProperty("visibility").GetString() ?? "",
            json.GetProperty("focused").GetBoolean());
    }

    /// <summary>
    /// Page clock minus <see cref="WallClock"/>, from the tightest of several round trips (server stamp, page stamp,
    /// server stamp): the page's reading must lie between the two server readings if both read the same clock.
    /// </summary>
    public static async Task<ClockOffset> MeasureOffsetAsync(IPage page, int rounds = 15)
    {
        var best = new ClockOffset(double.NaN, double.PositiveInfinity);
        for (var i = 0; i < rounds; i++)
        {
            var before = WallClock.UnixMs();
            var inPage = await page.EvaluateAsync<double>(NowScript);
            var after = WallClock.UnixMs();
            var halfRoundTrip = (after - before) / 2;
            if (halfRoundTrip < best.HalfRoundTripMs)
            {
                best = new ClockOffset(inPage - (before + after) / 2, halfRoundTrip);
            }
        }

        return best;
    }
}

/// <summary>One page's stamps (Unix ms), keyed by album name; WebSocket message arrivals in order.</summary>
internal sealed record PageStamps(
    Dictionary<string, double> Items,
    Dictionary<string, double> Frames,
    Dictionary<string, double> Albums,
    double[] Messages,
    string Visibility,
    bool Focused)
{
    /// <summary>The last WebSocket message that reached the page in [from, to]: the render batch that was then applied.</summary>
    public double LastMessageBetween(double from, double to)
    {
        var last = double.NaN;
        foreach (var at in Messages)
        {
            if (at >= from && at <= to)
            {
                last = at;
            }
        }

        return last;
    }
}

/// <summary>Page clock minus server clock, and the half round trip that bounds the error of that estimate.</summary>
internal sealed record ClockOffset(double OffsetMs, double HalfRoundTripMs)
{
    /// <summary>How far apart the two clocks can be at most, given this measurement.</summary>
    public double BoundMs => Math.Abs(OffsetMs) + HalfRoundTripMs;
}
