using Microsoft.EntityFrameworkCore;
using MusicBlazor.Data;
using MusicBlazor.Data.ChangeLog;

namespace MusicBlazor.Audit;

/// <summary>
/// Names an audited change in words, preferring what the triggers captured at write time (a deleted row can no longer
/// be read) and falling back to the rows as they are now.
/// </summary>
internal sealed class AuditNames(MusicDbContext db, CancellationToken cancellationToken)
{
    public const string OutsideTheApp = "Outside the app";
    public const string Maintenance = "Maintenance";
    public const string DeletedAccount = "Deleted account";

    public async Task<string> ActorAsync(ChangeEvent change) => change.ActorId switch
    {
        null => change.Suppressed ? Maintenance : OutsideTheApp,
        { } actor => await AccountAsync(actor) ?? DeletedAccount,
    };

    public async Task<string> SubjectAsync(ChangeEvent change, IReadOnlyList<FieldChange> fields) => change.Entity switch
    {
        EntityKind.Artist => FieldChange.Latest(fields, "Name") ?? await ArtistAsync(change.Id),
        EntityKind.Album => $"{FieldChange.Latest(fields, "Name") ?? await AlbumAsync(change.Id)} by {await ArtistAsync(change.ArtistId)}",
        EntityKind.Track => $"{FieldChange.Latest(fields, "Name") ?? await TrackAsync(change.Id)} on {await AlbumAsync(change.AlbumId)}",
        EntityKind.Follow => await FollowAsync(change),
        _ => FieldChange.Latest(fields, "Email") ?? await AccountAsync(change.Id) ?? DeletedAccount,
    };

    // The artist; the follower too when someone else (an admin deleting the account) made the change.
    private async Task<string> FollowAsync(ChangeEvent change) => change.ActorId == change.Id
        ? await ArtistAsync(change.ArtistId)
        : $"{await ArtistAsync(change.ArtistId)} (follower: {await AccountAsync(change.Id) ?? DeletedAccount})";

    private async Task<string?> AccountAsync(Guid userId) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.Email ?? u.UserName).FirstOrDefaultAsync(cancellationToken);

    private async Task<string> ArtistAsync(Guid? artistId) =>
        await db.Artists.Where(a => a.Id == artistId).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken)
        ?? "a deleted artist";

    private async Task<string> AlbumAsync(Guid? albumId) =>
        await db.Albums.Where(a => a.Id == albumId).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken)
        ?? "a deleted album";

    private async Task<string> TrackAsync(Guid trackId) =>
        await db.Tracks.Where(t => t.Id == trackId).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken) ?? "a deleted track";
}
