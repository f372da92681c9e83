using Microsoft.Extensions.DependencyInjection;
using MusicBlazor.Accounts;
using MusicBlazor.Activity;
using MusicBlazor.Catalog;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Subscribers;
using MusicBlazor.Tests.Infrastructure;
using MusicBlazor.Tests.Infrastructure.Providers;

namespace MusicBlazor.Tests.Activity;

public sealed class ActivityFeedTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private Actor _admin = null!;
    private Actor _editor = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        _admin = await _app.CreateUserAsync(Roles.Admin);
        _editor = await _app.CreateUserAsync(Roles.Editor);
        await _app.StartSubscribersAndWaitAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>The feed once the activity subscriber has handled everything committed so far.</summary>
    private async Task<IReadOnlyList<ActivityLine>> FeedAsync(Guid? artistId = null)
    {
        var head = await _app.LogHeadAsync();
        Assert.True(await _app.Services.GetRequiredService<SubscriberProgress>().WaitForAsync(ActivityFeed.SubscriberName, head, TimeSpan.FromSeconds(10)));
        return await _app.Services.GetRequiredService<RecentActivity>().ReadAsync(artistId);
    }

    // A line of several tracks names none of them.
    private static string Describe(ActivityLine line) =>
        $"{line.Kind} {line.ArtistName}/{line.AlbumName}/{(line.Count == 1 ? line.Detail : "")}/{line.Count}";

    [DatabaseFact]
    public async Task ANewAlbumIsOneLineAndTracksAddedLaterReadAsOneLinePerAlbum()
    {
        var artistId = await _app.CreateArtistAsync(_admin, "Khruangbin");
        var albumId = await _app.CreateAlbumAsync(_editor, artistId, "Mordechai", 2020, ("First Class", "3:58"), ("Time (You and I)", "4:15"));
        var albums = _app.As<AlbumService>(_editor);
        var edit = (await albums.GetForEditAsync(albumId))!.Input;
        edit.Tracks.Insert(0, new TrackInput { Name = "Intro", Duration = "0:45" });
        edit.Tracks.Add(new TrackInput { Name = "Outro", Duration = "1:10" });
        await albums.UpdateAsync(albumId, edit);

        var feed = await FeedAsync();

        Assert.Equal(["TrackAdded Khruangbin/Mordechai//2", "AlbumAdded Khruangbin/Mordechai//1"], feed.Select(Describe));
    }

    [DatabaseFact]
    public async Task AnAlbumEditThatKeepsItsTracksAddsNoLine()
    {
        var artistId = await _app.CreateArtistAsync(_admin, "Men I Trust");
        var albumId = await _app.CreateAlbumAsync(_editor, artistId, "Oncle Jazz", 2019, ("Norton Commander", "4:10"), ("Tailwhip", "3:20"));
        var albums = _app.As<AlbumService>(_editor);
        var edit = (await albums.GetForEditAsync(albumId))!.Input;
        edit.Tracks.Reverse();
        edit.Name = "Oncle Jazz (Deluxe)";
        await albums.UpdateAsync(albumId, edit);

        var feed = await FeedAsync();

        Assert.Equal(["AlbumAdded Men I Trust/Oncle Jazz//1"], feed.Select(Describe));
    }

    [DatabaseFact]
    public async Task ARenameReadsWithTheFormerNameAndAnArtistsFeedIsItsOwn()
    {
        var renamed = await _app.CreateArtistAsync(_admin, "The Quarrymen");
        var other = await _app.CreateArtistAsync(_admin, "Wings");
        await _app.CreateAlbumAsync(_editor, other, "Band on the Run", 1973);
        var artists = _app.As<ArtistService>(_admin);
        var edit = (await artists.GetForEditAsync(renamed))!;
        edit.Name = "The Beatles";
        await artists.UpdateAsync(renamed, edit);

        var feed = await FeedAsync(renamed);

        Assert.Equal(["ArtistRenamed The Beatles//The Quarrymen/1"], feed.Select(Describe));
        Assert.Equal(2, (await FeedAsync()).Count);
    }

    [DatabaseFact]
    public async Task LinesAboutADeletedAlbumOrArtistAreNotShown()
    {
        var kept = await _app.CreateArtistAsync(_admin, "Kept");
        var gone = await _app.CreateArtistAsync(_admin, "Gone");
        await _app.CreateAlbumAsync(_editor, gone, "Vanished", 2001);
        var deletedAlbum = await _app.CreateAlbumAsync(_editor, kept, "Withdrawn", 2002);
        await _app.CreateAlbumAsync(_editor, kept, "Still Here", 2003);
        await FeedAsync();
        await _app.As<AlbumService>(_admin).DeleteAsync(deletedAlbum);
        await _app.As<ArtistService>(_admin).DeleteAsync(gone);

        var feed = await FeedAsync();

        Assert.Equal(["AlbumAdded Kept/Still Here//1"], feed.Select(Describe));
    }

    [DatabaseFact]
    public async Task MaintenanceWritesAreNotActivity()
    {
        var artistId = await _app.CreateArtistAsync(_admin, "Seeded");
        using (Changes.Suppress("demo data"))
        {
            await _app.CreateAlbumAsync(_editor, artistId, "Seeded Album", 2000);
        }

        Assert.Empty(await FeedAsync());
    }
}
