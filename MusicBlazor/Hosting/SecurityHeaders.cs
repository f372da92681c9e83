using System.Buffers.Text;
using System.Security.Cryptography;

namespace MusicBlazor.Hosting;

/// <summary>
/// Headers that limit what a page may load and leak. Scripts: only the app's own files, plus inline scripts that
/// carry this response's nonce (App.razor's theme and start-up scripts, the import map). Styles allow inline
/// because MudBlazor writes style attributes and its theme as a style element. Blazor's circuit is a same-origin
/// WebSocket ('self' covers ws: and wss:). Cover images may be any https:// URL (see CatalogRules).
/// </summary>
public static class SecurityHeaders
{
    private static readonly object NonceKey = new();

    /// <summary>The nonce that lets an inline script of this response run.</summary>
    public static string? CspNonce(this HttpContext context) => context.Items[NonceKey] as string;

    public static void UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // base64url: nothing in it that HTML would encode.
        var nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy(nonce);
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        return next(context);
    });

    internal static string Policy(string nonce) => string.Join("; ",
        "default-src 'self'",
        $"script-src 'self' 'nonce-{nonce}'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: https:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'");
}
