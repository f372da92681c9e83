using MusicBlazor.Accounts;
using MusicBlazor.Catalog;

namespace MusicBlazor.Tests.Infrastructure;

/// <summary>Arranging catalog data through the app's own services.</summary>
public static class CatalogSeed
{
    public static AlbumInput AlbumInput(string name, int year = 2000, params (string Name, string Duration)[] tracks) => new()
    {
        Name = name,
        YearReleased = year,
        Tracks = tracks.Select(t => new TrackInput { Name = t.Name, Duration = t.Duration }).ToList(),
    };

    public static Task<Guid> CreateArtistAsync(this TestApp app, Actor admin, string name, string? biography = null) =>
        app.As<ArtistService>(admin).CreateAsync(new ArtistInput { Name = name, Biography = biography });

    public static Task<Guid> CreateAlbumAsync(
        this TestApp app, Actor by, Guid artistId, string name, int year = 2000, params (string Name, string Duration)[] tracks) =>
        app.As<AlbumService>(by).CreateAsync(artistId, AlbumInput(name, year, tracks));

    public static Task FollowAsync(this TestApp app, Actor user, Guid artistId) => app.As<FollowService>(user).FollowAsync(artistId);
}
