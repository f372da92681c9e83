using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Data.DemoData;
using MusicBlazor.TestSupport.Hosting;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// Who takes part in the load scenario, created through the app's services: an artist per editor (created by the
/// demo admin), each editor a new account with the editor role, and followers, new user accounts each following
/// every one of those artists.
/// </summary>
internal static class LoadCast
{
    public static async Task<(List<(string Email, Guid Artist)> Editors, List<string> Followers)> ArrangeAsync(
        KestrelAppServer server, int artistCount, int followerCount)
    {
        var editors = new List<(string Email, Guid Artist)>();
        await using (var admin = await server.SignedInScopeAsync(DemoAccounts.AdminEmail))
        {
            var artists = admin.ServiceProvider.GetRequiredService<ArtistService>();
            for (var i = 0; i < artistCount; i++)
            {
                var artist = await artists.CreateAsync(new ArtistInput { Name = $"Load Artist {i + 1}" });
                editors.Add((await server.CreateAccountAsync(Roles.Editor), artist));
            }
        }

        var followers = new List<string>();
        for (var i = 0; i < followerCount; i++)
        {
            var follower = await server.CreateAccountAsync(Roles.User);
            await using var scope = await server.SignedInScopeAsync(follower);
            var follows = scope.ServiceProvider.GetRequiredService<FollowService>();
            foreach (var (_, artist) in editors)
            {
                await follows.FollowAsync(artist);
            }

            followers.Add(follower);
        }

        return (editors, followers);
    }
}
