using Microsoft.EntityFrameworkCore;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Tests.Infrastructure;
using MusicBlazor.Tests.Infrastructure.Providers;

namespace MusicBlazor.Tests.Catalog;

/// <summary>The artist's follower and album counts are recomputed in each writer's transaction, so racing writers cannot lose one.</summary>
public sealed class ArtistFiguresUnderParallelWritersTests : DatabaseTest
{
    [DatabaseFact]
    public async Task ParallelFollowsUnfollowsAndAlbumCreatesLeaveTheCountsEqualToTheRows()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        var artist = await App.CreateArtistAsync(admin, "Crowded");
        var fans = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => App.CreateUserAsync()));
        var editors = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => App.CreateUserAsync(Roles.Editor)));

        var writes = fans.Select((fan, f) => Task.Run(async () =>
            {
                await App.As<FollowService>(fan).FollowAsync(artist);
                if (f % 3 == 0)
                {
                    await App.As<FollowService>(fan).UnfollowAsync(artist);
                }
            }))
            .Concat(editors.SelectMany((editor, e) => Enumerable.Range(0, 3).Select(i => Task.Run(() =>
                App.As<AlbumService>(editor).CreateAsync(artist, new AlbumInput { Name = $"Album {e}-{i}", YearReleased = 2000 + i })))));
        await Task.WhenAll(writes);

        await using var db = await App.OpenDbAsync();
        var stored = await db.Artists.AsNoTracking().SingleAsync(a => a.Id == artist);
        Assert.Equal(16, await db.ArtistFollowers.CountAsync(f => f.ArtistId == artist));
        Assert.Equal(12, await db.Albums.CountAsync(a => a.ArtistId == artist));
        Assert.Equal((12, 16), (stored.AlbumCount, stored.FollowerCount));
        Assert.Equal(2002, stored.LatestAlbumYear);
    }
}
