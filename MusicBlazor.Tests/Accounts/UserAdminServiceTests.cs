using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MusicBlazor.Accounts;
using MusicBlazor.Common;
using MusicBlazor.Tests.Infrastructure;
using MusicBlazor.Tests.Infrastructure.Providers;

namespace MusicBlazor.Tests.Accounts;

public sealed class UserAdminServiceTests : DatabaseTest
{
    private Actor _admin = null!;
    private Actor _user = null!;

    protected override async Task ArrangeAsync()
    {
        _admin = await App.CreateUserAsync(Roles.Admin, "admin");
        _user = await App.CreateUserAsync(Roles.User, "user");
    }

    private UserAdminService Service(Actor? actor = null) => App.As<UserAdminService>(actor ?? _admin);

    private async Task<ApplicationUser> FindAsync(Actor actor)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return (await users.FindByIdAsync(actor.UserId.ToString()!))!;
    }

    private async Task<IList<string>> RolesOfAsync(Actor actor)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(actor.UserId.ToString()!))!);
    }

    [DatabaseTheory]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.User)]
    public async Task ChangingARoleLeavesExactlyThatRoleAndRotatesTheStamp(string role)
    {
        var stamp = (await FindAsync(_user)).SecurityStamp;

        await Service().ChangeRoleAsync(_user.UserId!.Value, role);

        Assert.Equal([role], await RolesOfAsync(_user));
        Assert.NotEqual(stamp, (await FindAsync(_user)).SecurityStamp);
    }

    [DatabaseFact]
    public async Task AnUnknownRoleIsRefused()
    {
        await Assert.ThrowsAsync<ActionRefusedException>(() => Service().ChangeRoleAsync(_user.UserId!.Value, "Superuser"));
        Assert.Equal([Roles.User], await RolesOfAsync(_user));
    }

    [DatabaseFact]
    public async Task AdminsCannotChangeLockOrDeleteThemselves()
    {
        var before = DatabaseSnapshot.Take(App);
        var self = _admin.UserId!.Value;

        await Assert.ThrowsAsync<ForbiddenException>(() => Service().ChangeRoleAsync(self, Roles.User));
        await Assert.ThrowsAsync<ForbiddenException>(() => Service().SetLockedAsync(self, true));
        await Assert.ThrowsAsync<ForbiddenException>(() => Service().DeleteAsync(self));

        Assert.Equal(before, DatabaseSnapshot.Take(App));
    }

    [DatabaseTheory]
    [InlineData(null)]
    [InlineData(Roles.User)]
    [InlineData(Roles.Editor)]
    public async Task NonAdminsCannotManageUsers(string? role)
    {
        var actor = role is null ? Actor.Anonymous : await App.CreateUserAsync(role);
        var service = Service(actor);
        var target = _user.UserId!.Value;
        var before = DatabaseSnapshot.Take(App);

        await Assert.ThrowsAsync<ForbiddenException>(() => service.ListAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => service.ChangeRoleAsync(target, Roles.Admin));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.SetLockedAsync(target, true));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.DeleteAsync(target));

        Assert.Equal(before, DatabaseSnapshot.Take(App));
    }

    [DatabaseFact]
    public async Task LockingAndUnlockingShowsInTheListAndRotatesTheStamp()
    {
        var stamp = (await FindAsync(_user)).SecurityStamp;

        await Service().SetLockedAsync(_user.UserId!.Value, true);
        var locked = (await Service().ListAsync()).Single(u => u.Id == _user.UserId);
        await Service().SetLockedAsync(_user.UserId!.Value, false);
        var unlocked = (await Service().ListAsync()).Single(u => u.Id == _user.UserId);

        Assert.True(locked.IsLocked);
        Assert.False(unlocked.IsLocked);
        Assert.NotEqual(stamp, (await FindAsync(_user)).SecurityStamp);
    }

    [DatabaseFact]
    public async Task ListShowsEveryUserWithTheirHighestRoleByEmail()
    {
        await Service().ChangeRoleAsync(_user.UserId!.Value, Roles.Editor);

        var users = await Service().ListAsync();

        Assert.Equal([(_admin.Name!, Roles.Admin), (_user.Name!, Roles.Editor)], users.Select(u => (u.Email, u.Role)));
    }

    [DatabaseFact]
    public async Task DeletingRemovesTheAccount()
    {
        await Service().DeleteAsync(_user.UserId!.Value);

        Assert.DoesNotContain(await Service().ListAsync(), u => u.Id == _user.UserId);
    }

    [DatabaseFact]
    public async Task ManagingAMissingAccountIsNotFound()
    {
        var missing = Guid.CreateVersion7();
        await Assert.ThrowsAsync<NotFoundException>(() => Service().ChangeRoleAsync(missing, Roles.Editor));
        await Assert.ThrowsAsync<NotFoundException>(() => Service().SetLockedAsync(missing, true));
        await Assert.ThrowsAsync<NotFoundException>(() => Service().DeleteAsync(missing));
    }
}
