using MusicBlazor.Data;

namespace MusicBlazor.Notifications.Email;

/// <summary>An album a user may be e-mailed about, with what the e-mail says.</summary>
public sealed class MailTarget
{
    public Guid UserId { get; init; }
    public string Email { get; init; } = "";
    public AlbumEmailChoice Choice { get; init; }
    public Guid AlbumId { get; init; }
    public Guid ArtistId { get; init; }
    public string AlbumName { get; init; } = "";
    public int Year { get; init; }
    public string ArtistName { get; init; } = "";

    /// <summary>
    /// Who may get mail about which album, checked when the mail is about to go: the user wants album e-mails, has an
    /// address, follows the album's artist now (not only when it was saved) and did not create it. A deleted account
    /// or album has no row here, so a user deleted or an album deleted since gets nothing.
    /// </summary>
    public static IQueryable<MailTarget> All(MusicDbContext db) =>
        from follow in db.ArtistFollowers
        join user in db.Users on follow.UserId equals user.Id
        join album in db.Albums on follow.ArtistId equals album.ArtistId
        join artist in db.Artists on album.ArtistId equals artist.Id
        where user.AlbumEmails != AlbumEmailChoice.Never && user.Email != null && album.CreatedById != user.Id
        select new MailTarget
        {
            UserId = user.Id,
            Email = user.Email!,
            Choice = user.AlbumEmails,
            AlbumId = album.Id,
            ArtistId = artist.Id,
            AlbumName = album.Name,
            Year = album.YearReleased,
            ArtistName = artist.Name,
        };
}
