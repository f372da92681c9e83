using System.Globalization;
using System.Text.Encodings.Web;
using MusicBlazor.Common;

namespace MusicBlazor.Hosting;

/// <summary>
/// The answer to a sign-in form posted too often: 429, a Retry-After header, and a small page that says what happened
/// and when to try again. Plain HTML, so that it costs the server nothing while it is being hammered.
/// </summary>
public static class TooManyAttemptsPage
{
    public static Task WriteAsync(HttpContext context, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var response = context.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        response.ContentType = "text/html; charset=utf-8";
        return response.WriteAsync(Html(context.Request.PathBase + context.Request.Path, TimeSpan.FromSeconds(seconds)), cancellationToken);
    }

    private static string Html(string formPath, TimeSpan wait) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>Too many attempts - MusicBlazor</title>
            <style>body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; }</style>
        </head>
        <body>
            <main>
                <h1>Too many attempts</h1>
                <p>This form was sent too many times in a short while, from your network or for this account. To protect
                accounts, it is paused for now; nothing you sent was done.</p>
                <p>Please try again in <strong>{{WaitTime.Format(wait)}}</strong>.</p>
                <p><a href="{{HtmlEncoder.Default.Encode(formPath)}}">Back to the form</a></p>
            </main>
        </body>
        </html>
        """;
}
