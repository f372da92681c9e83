using Microsoft.EntityFrameworkCore;
using MusicBlazor.Common;
using MusicBlazor.Data;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Subscribers;

namespace MusicBlazor.Activity;

/// <summary>
/// The <b>Recent activity</b> feed: a background subscriber that turns new albums, renamed artists and tracks added
/// to an existing album into <see cref="ActivityItem"/>s. Maintenance writes (the demo data) are not activity.
/// </summary>
public sealed class ActivityFeed(IDbContextFactory<MusicDbContext> dbFactory) : IChangeSubscriber
{
    public const string SubscriberName = "activity-feed";

    /// <summary>Tracks logged this close to their album's creation came with it: the album's line covers them.</summary>
    public static readonly TimeSpan CameWithAlbum = TimeSpan.FromSeconds(5);

    public string Name => SubscriberName;

    public async Task HandleAsync(ChangeEvent change, CancellationToken cancellationToken)
    {
        var fields = FieldChange.Parse(change.Fields);
        var kind = (change.Entity, change.Operation) switch
        {
            (EntityKind.Album, ChangeOperation.Created) => ActivityKind.AlbumAdded,
            (EntityKind.Artist, ChangeOperation.Updated) when fields.Any(f => f.Field == "Name") => ActivityKind.ArtistRenamed,
            (EntityKind.Track, ChangeOperation.Created) => ActivityKind.TrackAdded,
            _ => (ActivityKind?)null,
        };
        if (kind is null || change.ArtistId is not { } artistId)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.ActivityItems.AnyAsync(i => i.Sequence == change.Sequence, cancellationToken)
            || (kind == ActivityKind.TrackAdded && await CameWithItsAlbumAsync(db, change, cancellationToken)))
        {
            return;
        }

        var artistName = FieldChange.Latest(fields, "Name") is { } name && kind == ActivityKind.ArtistRenamed
            ? name
            : await db.Artists.Where(a => a.Id == artistId).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken);
        var albumName = kind switch
        {
            ActivityKind.AlbumAdded => FieldChange.Latest(fields, "Name"),
            ActivityKind.TrackAdded => await db.Albums.Where(a => a.Id == change.AlbumId).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken),
            _ => null,
        };
        if (artistName is null || (kind != ActivityKind.ArtistRenamed && albumName is null))
        {
            return; // Deleted since: nothing left to show.
        }

        db.ActivityItems.Add(new ActivityItem
        {
            Sequence = change.Sequence,
            At = change.At,
            Kind = kind.Value,
            ArtistId = artistId,
            AlbumId = change.AlbumId,
            ArtistName = artistName.FitTo(ActivityItem.NameMaxLength),
            AlbumName = albumName is null ? null : albumName.FitTo(ActivityItem.NameMaxLength),
            Detail = kind switch
            {
                ActivityKind.ArtistRenamed => fields.First(f => f.Field == "Name").Old,
                ActivityKind.TrackAdded => FieldChange.Latest(fields, "Name"),
                _ => null,
            } is { } detail ? detail.FitTo(ActivityItem.NameMaxLength) : null,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (SaveFailedException ex) when (ex.IsDuplicate)
        {
        }
    }

    private static Task<bool> CameWithItsAlbumAsync(MusicDbContext db, ChangeEvent track, CancellationToken cancellationToken) =>
        db.ActivityItems.AnyAsync(i => i.AlbumId == track.AlbumId && i.Kind == ActivityKind.AlbumAdded
            && i.At >= track.At - CameWithAlbum && i.Sequence < track.Sequence, cancellationToken);
}
