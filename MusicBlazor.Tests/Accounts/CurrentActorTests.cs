using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Common;
using MusicBlazor.TestSupport.Authentication;
using MusicBlazor.Tests.Infrastructure;
using MusicBlazor.Tests.Infrastructure.Providers;

namespace MusicBlazor.Tests.Accounts;

/// <summary>Writes go by the account as the database has it now, not by what an open tab's sign-in still claims.</summary>
public sealed class CurrentActorTests : DatabaseTest
{
    private Actor _admin = null!;
    private Guid _artist;

    protected override async Task ArrangeAsync()
    {
        _admin = await App.CreateUserAsync(Roles.Admin);
        _artist = await App.CreateArtistAsync(_admin, "Nina");
    }

    private Task<int> AlbumsAsync() => WithDbAsync(db => db.Albums.CountAsync(a => a.ArtistId == _artist));

    private async Task<T> WithDbAsync<T>(Func<MusicBlazor.Data.MusicDbContext, Task<T>> query)
    {
        await using var db = await App.OpenDbAsync();
        return await query(db);
    }

    private static AlbumInput Album(string name) => new() { Name = name, YearReleased = 2001 };

    [DatabaseFact]
    public async Task ADemotedEditorsOpenSessionCanNoLongerCreateAlbums()
    {
        var editor = await App.CreateUserAsync(Roles.Editor);
        await App.As<AlbumService>(editor).CreateAsync(_artist, Album("Before"));

        await App.As<UserAdminService>(_admin).ChangeRoleAsync(editor.UserId!.Value, Roles.User);

        // The session still claims Editor.
        await Assert.ThrowsAsync<ForbiddenException>(() => App.As<AlbumService>(editor).CreateAsync(_artist, Album("After")));
        Assert.Equal(1, await AlbumsAsync());
    }

    [DatabaseFact]
    public async Task APromotedUsersOpenSessionWritesWithTheNewRoleAtOnce()
    {
        var user = await App.CreateUserAsync();

        await App.As<UserAdminService>(_admin).ChangeRoleAsync(user.UserId!.Value, Roles.Editor);

        await App.As<AlbumService>(user).CreateAsync(_artist, Album("First"));
        Assert.Equal(1, await AlbumsAsync());
    }

    [DatabaseFact]
    public async Task AnAccountClosedByAnAdminCanChangeNothing()
    {
        var user = await App.CreateUserAsync();

        await App.As<UserAdminService>(_admin).SetLockedAsync(user.UserId!.Value, locked: true);

        await Assert.ThrowsAsync<ForbiddenException>(() => App.As<FollowService>(user).FollowAsync(_artist));
        Assert.Equal(0, await WithDbAsync(db => db.ArtistFollowers.CountAsync(f => f.ArtistId == _artist)));
    }

    [DatabaseFact]
    public async Task ALockoutAfterFailedLogInsDoesNotEndAnOpenSessionsWrites()
    {
        var user = await App.CreateUserAsync();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var account = (await users.FindByIdAsync(user.UserId!.Value.ToString()))!;
            await users.SetLockoutEndDateAsync(account, DateTimeOffset.UtcNow.AddMinutes(15));
        }

        await App.As<FollowService>(user).FollowAsync(_artist);

        Assert.Equal(1, await WithDbAsync(db => db.ArtistFollowers.CountAsync(f => f.ArtistId == _artist)));
    }

    [DatabaseFact]
    public async Task ASignInWhoseSecurityStampChangedSinceCountsAsSignedOut()
    {
        var user = await App.CreateUserAsync(Roles.Editor);
        var signIn = await SignInPrincipalAsync(user);
        Assert.Equal((user.UserId, Roles.Editor), await ForWriteAsync(signIn));

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(user.UserId!.Value.ToString()))!);
        }

        Assert.Equal((null, null), await ForWriteAsync(signIn));
    }

    private async Task<(Guid?, string?)> ForWriteAsync(ClaimsPrincipal principal)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TestAuthenticationStateProvider>().SignIn(principal);
        var actor = await scope.ServiceProvider.GetRequiredService<ICurrentActor>().ForWriteAsync();
        return (actor.UserId, actor.Role);
    }

    /// <summary>The principal the app's sign-in puts in the cookie, security stamp included.</summary>
    private async Task<ClaimsPrincipal> SignInPrincipalAsync(Actor user)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        return await factory.CreateAsync((await users.FindByIdAsync(user.UserId!.Value.ToString()))!);
    }
}
