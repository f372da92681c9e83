using System.Net;
using MusicBlazor.Accounts.Email;
using MusicBlazor.Hosting;

namespace MusicBlazor.Notifications.Email;

/// <summary>The follower e-mails' text, with a link to each album and an unsubscribe link; delivered by the app's sender.</summary>
public sealed class FollowerMail(IMailDelivery delivery, PublicBaseUrl baseUrl, UnsubscribeTokens tokens)
{
    public Task SendNewAlbumAsync(MailTarget album) =>
        delivery.SendAsync(album.Email, $"New album from {album.ArtistName}: {album.AlbumName} ({album.Year})",
            $"<p>A new album from an artist you follow: {Item(album)}.</p>{Footer(album.UserId)}");

    /// <param name="albums">One user's albums, at least one.</param>
    public Task SendDigestAsync(IReadOnlyList<MailTarget> albums) =>
        delivery.SendAsync(albums[0].Email,
            albums.Count == 1 ? "1 new album from artists you follow" : $"{albums.Count} new albums from artists you follow",
            $"<p>New albums from artists you follow:</p><ul>{string.Concat(albums.Select(a => $"<li>{Item(a)}</li>"))}</ul>{Footer(albums[0].UserId)}");

    private string Item(MailTarget album) =>
        $"<a href=\"{Encode(baseUrl.To($"artists/{album.ArtistId}#album-{album.AlbumId}"))}\">{Encode(album.AlbumName)}</a> " +
        $"({album.Year}) by {Encode(album.ArtistName)}";

    private string Footer(Guid userId) =>
        "<p>You get this e-mail because you follow these artists and asked for e-mails about their new albums. " +
        $"<a href=\"{Encode(baseUrl.To($"unsubscribe?token={Uri.EscapeDataString(tokens.Create(userId))}"))}\">Unsubscribe</a> " +
        "from e-mails about new albums (the link works for 30 days), or change this on your account page.</p>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
