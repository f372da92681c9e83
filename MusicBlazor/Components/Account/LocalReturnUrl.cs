namespace MusicBlazor.Components.Account;

/// <summary>
/// Where a ReturnUrl may send the user after logging in or out: a page of this app, else its home page. Another
/// site (<c>https://example.org</c>, <c>//example.org</c>, <c>/\example.org</c>) is never a destination, and
/// neither is it an error: the log-in it follows has already succeeded.
/// </summary>
internal static class LocalReturnUrl
{
    /// <summary>The absolute address to go to; <paramref name="baseUri"/> is the app's base, ending in '/'.</summary>
    public static string Resolve(string? returnUrl, string baseUri)
    {
        var home = new Uri(baseUri, UriKind.Absolute);
        // Browsers read a backslash as a slash, and no address of this app has one; the rest is resolved against the
        // app's address and the result, not the text, is what the redirect sends: what is checked is what the browser gets.
        if (string.IsNullOrWhiteSpace(returnUrl) || returnUrl.Contains('\\') || !Uri.TryCreate(home, returnUrl.Trim(), out var target))
        {
            return home.AbsoluteUri;
        }

        var local = target.Scheme == home.Scheme
            && string.Equals(target.Authority, home.Authority, StringComparison.OrdinalIgnoreCase)
            && target.AbsolutePath.StartsWith(home.AbsolutePath, StringComparison.Ordinal);
        return local ? target.AbsoluteUri : home.AbsoluteUri;
    }
}
