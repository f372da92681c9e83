using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// What one page transferred: every HTTP response's headers and encoded (compressed) body as Chromium received
/// them, and the WebSocket frames' payloads in both directions. Attach before the navigation starts.
/// </summary>
internal sealed class NetworkTally
{
    private readonly ConcurrentBag<Task<(string Url, long Bytes, string? Encoding)>> _responses = [];
    private long _webSocketBytes;

    private NetworkTally(IPage page)
    {
        page.RequestFinished += (_, request) => _responses.Add(MeasureAsync(request));
        page.WebSocket += (_, socket) =>
        {
            socket.FrameReceived += (_, frame) => Interlocked.Add(ref _webSocketBytes, Length(frame));
            socket.FrameSent += (_, frame) => Interlocked.Add(ref _webSocketBytes, Length(frame));
        };
    }

    public static NetworkTally Attach(IPage page) => new(page);

    public long WebSocketBytes => Interlocked.Read(ref _webSocketBytes);

    public async Task<IReadOnlyList<(string Url, long Bytes, string? Encoding)>> ResponsesAsync() => await Task.WhenAll(_responses);

    private static async Task<(string Url, long Bytes, string? Encoding)> MeasureAsync(IRequest request)
    {
        var sizes = await request.SizesAsync();
        var response = await request.ResponseAsync();
        var encoding = response is null ? null : await response.HeaderValueAsync("content-encoding");
        return (request.Url, sizes.ResponseHeadersSize + sizes.ResponseBodySize, encoding);
    }

    private static long Length(IWebSocketFrame frame) => frame.Binary?.LongLength ?? System.Text.Encoding.UTF8.GetByteCount(frame.Text ?? "");
}
