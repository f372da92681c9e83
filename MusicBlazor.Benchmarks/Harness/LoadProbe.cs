using System.Text.Json;
using Microsoft.Playwright;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// What the load scenario records in every page, on the page's clock (<c>performance.timeOrigin + performance.now()</c>,
/// Unix ms like <see cref="WallClock"/>): when each notification item first became visible in the panel (a
/// MutationObserver), when the circuit's WebSocket opened, was cut (<see cref="CircuitSockets"/>: closed, and the
/// server unreachable from the page for a while) and how Blazor's reconnection went (its
/// <c>components-reconnect-state-changed</c> events). Read back once, at the end.
/// </summary>
internal static class LoadProbe
{
    /// <summary>
    /// A context init script: runs before blazor.web.js, so the circuit's WebSocket is created through this subclass,
    /// which keeps the sockets (to cut them), stamps each open, and during an outage points new ones at a path that
    /// refuses them. Reconnection events are caught in the capture phase on the document (they are dispatched on the
    /// reconnect dialog and do not bubble).
    /// </summary>
    public const string InitScript = """
        (() => {
          const now = () => performance.timeOrigin + performance.now();
          const load = window.__load = { items: {}, opens: [], cuts: [], states: [], sockets: [], observing: false };
          const NativeWebSocket = window.WebSocket;
          let unreachableUntil = 0;
          window.WebSocket = class extends NativeWebSocket {
            constructor(url, ...rest) {
              // During an outage the circuit's endpoint cannot be reached: the socket goes to a same-origin path that
              // refuses the upgrade (404), so it fails at once (another host would break the page's CSP instead).
              super(now() < unreachableUntil ? new URL('/load-test-outage', url).href : url, ...rest);
              load.sockets.push(this);
              this.addEventListener('open', () => load.opens.push(now()));
            }
          };
          load.cut = outageMs => {
            const open = load.sockets.filter(s => s.readyState === NativeWebSocket.OPEN);
            load.sockets = [];
            load.cuts.push(now());
            unreachableUntil = now() + outageMs;
            // Any code but 1000 is an error for SignalR's client: the connection is lost, Blazor reconnects.
            for (const socket of open) socket.close(4000, 'load test fault');
            return open.length;
          };
          document.addEventListener('components-reconnect-state-changed',
            e => load.states.push({ state: e.detail.state, at: now() }), true);
        })();
        """;

    /// <summary>Starts stamping the first moment each notification item (its album name) is in the open panel.</summary>
    public const string ObserveScript = """
        () => {
          const load = window.__load;
          const now = () => performance.timeOrigin + performance.now();
          const scan = () => {
            const at = now();
            for (const element of document.querySelectorAll('#notifications-popup li strong')) {
              const name = element.textContent.trim();
              if (!(name in load.items)) load.items[name] = at;
            }
          };
          scan();
          new MutationObserver(scan).observe(document.body, { childList: true, subtree: true, characterData: true });
          load.observing = true;
        }
        """;

    public static Task StartAsync(IPage page) => page.EvaluateAsync(ObserveScript);

    /// <summary>How many of <paramref name="names"/> the page has not shown yet.</summary>
    public static Task<int> MissingAsync(IPage page, IReadOnlyCollection<string> names) =>
        page.EvaluateAsync<int>("names => window.__load ? names.filter(n => !(n in window.__load.items)).length : names.length", names);

    public static async Task<LoadStamps> CollectAsync(IPage page)
    {
        // Serialized in the page, so Playwright's reference markers stay out of the JSON.
        var json = await page.EvaluateAsync<string>("""
            () => JSON.stringify(window.__load ? {
              items: window.__load.items, opens: window.__load.opens, cuts: window.__load.cuts,
              states: window.__load.states, observing: window.__load.observing,
              shown: [...document.querySelectorAll('#notifications-popup li strong')].map(e => e.textContent.trim()),
            } : { items: {}, opens: [], cuts: [], states: [], observing: false, shown: [] })
            """);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new LoadStamps(
            root.GetProperty("items").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble()),
            [.. root.GetProperty("opens").EnumerateArray().Select(e => e.GetDouble())],
            [.. root.GetProperty("cuts").EnumerateArray().Select(e => e.GetDouble())],
            [.. root.GetProperty("states").EnumerateArray().Select(e => (e.GetProperty("state").GetString() ?? "", e.GetProperty("at").GetDouble()))],
            root.GetProperty("observing").GetBoolean(),
            [.. root.GetProperty("shown").EnumerateArray().Select(e => e.GetString() ?? "")]);
    }
}

/// <summary>
/// One page's record: first-visible stamps by album name, WebSocket opens and cuts, reconnection states (Unix ms),
/// whether the observer is still running (false after a reload) and the item names in the panel at the end.
/// </summary>
internal sealed record LoadStamps(
    Dictionary<string, double> Items,
    double[] Opens,
    double[] Cuts,
    (string State, double At)[] States,
    bool Observing,
    string[] Shown)
{
    /// <summary>Items shown more than once in the panel at the end (by name).</summary>
    public int Duplicates(IReadOnlySet<string> names) =>
        Shown.Where(names.Contains).GroupBy(n => n).Sum(g => g.Count() - 1);

    /// <summary>When Blazor reported the circuit back after the cut at <paramref name="cut"/> ("hide"), or null.</summary>
    public double? ReconnectedAfter(double cut) =>
        States.Where(s => s.At >= cut && s.State == "hide").Select(s => (double?)s.At).FirstOrDefault();

    /// <summary>Reconnection given up, or refused by the server (the app then reloads the page: see the reload count).</summary>
    public bool GaveUp => States.Any(s => s.State is "failed" or "rejected");
}
