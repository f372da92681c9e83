using Microsoft.Playwright;

namespace MusicBlazor.Tests.EndToEnd.Resume;

/// <summary>
/// The page's Blazor WebSocket, routed through the test: it can be cut (code 1006, as a dropped network does) and
/// kept down, with every reconnection attempt refused (on any transport), until <see cref="Restore"/>.
/// </summary>
public sealed class CircuitLink
{
    private IWebSocketRoute? _page;
    private IWebSocketRoute? _server;
    private volatile bool _down;
    private int _connections;

    /// <summary>WebSocket connections that reached the server.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public static async Task<CircuitLink> RouteAsync(IPage page)
    {
        var link = new CircuitLink();
        await page.RouteWebSocketAsync("**/_blazor**", async ws =>
        {
            if (link._down)
            {
                await ws.CloseAsync(new() { Code = 1006, Reason = "Network down" });
                return;
            }

            Interlocked.Increment(ref link._connections);
            link._page = ws;
            link._server = ws.ConnectToServer();
        });
        // While down, the HTTP side (negotiate, and the SSE/long-polling fallbacks) fails too, as on a dead network.
        await page.RouteAsync("**/_blazor**", route => link._down ? route.AbortAsync() : route.ContinueAsync());
        return link;
    }

    public async Task CutAsync()
    {
        _down = true;
        // Both ends: the server must see the circuit disconnect too, or it simply waits for the same client.
        if (_server is { } server)
        {
            await server.CloseAsync(new() { Code = 1000, Reason = "Network down" });
        }

        if (_page is { } page)
        {
            await page.CloseAsync(new() { Code = 1006, Reason = "Network down" });
        }
    }

    public void Restore() => _down = false;
}
