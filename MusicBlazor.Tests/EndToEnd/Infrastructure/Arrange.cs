using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Identity;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;

namespace MusicBlazor.Tests.EndToEnd.Infrastructure;

/// <summary>Arranges data through the running app's own services, acting as a demo account.</summary>
public static class Arrange
{
    public static Task<Guid> ArtistAsync(this AppServer server, string name, string? biography = null) =>
        server.AsAsync(AppServer.Admin, s => s.GetRequiredService<ArtistService>().CreateAsync(new ArtistInput { Name = name, Biography = biography }));

    public static Task<Guid> AlbumAsync(this AppServer server, string by, Guid artist, string name, int year = 2020) =>
        server.AsAsync(by, s => s.GetRequiredService<AlbumService>().CreateAsync(artist, new AlbumInput { Name = name, YearReleased = year }));

    public static Task FollowAsync(this AppServer server, string who, Guid artist) =>
        server.AsAsync(who, s => s.GetRequiredService<FollowService>().FollowAsync(artist));

    public static Task DeleteAlbumAsync(this AppServer server, string by, Guid album) =>
        server.AsAsync(by, s => s.GetRequiredService<AlbumService>().DeleteAsync(album));

    /// <summary>An admin gives <paramref name="email"/>'s account the role <paramref name="role"/>.</summary>
    public static Task ChangeRoleAsync(this AppServer server, string email, string role) =>
        server.AsAsync(AppServer.Admin, async services =>
        {
            var user = (await services.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
            await services.GetRequiredService<UserAdminService>().ChangeRoleAsync(user.Id, role);
        });
}
