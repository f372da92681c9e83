using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MusicBlazor.Accounts;
using MusicBlazor.Components.Pages.Users;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Components;

public sealed class UserListTests : ComponentTest, IAsyncLifetime
{
    private Actor _admin = null!;
    private Actor _user = null!;

    // MudSelect's key interceptor can only be disposed asynchronously, and xUnit 2 disposes the test class synchronously.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await App.DisposeAsync();
    }

    private async Task<IRenderedComponent<UserList>> RenderUsersAsync()
    {
        _admin = await App.CreateUserAsync(Roles.Admin);
        _user = await App.CreateUserAsync(Roles.User);
        Services.AddScoped(_ => App.As<UserAdminService>(_admin));
        _ = Popovers;
        _ = Dialogs;
        SignIn(_admin);
        var users = Render<UserList>();
        users.WaitForAssertion(() => users.Find("table"));
        return users;
    }

    private static IElement RoleSelect(IRenderedComponent<UserList> users, Actor actor) =>
        users.FindAll("[role=combobox]").Single(c => c.AccessibleName() == $"Role for {actor.Name}");

    private static IElement Row(IRenderedComponent<UserList> users, Actor actor) =>
        users.FindAll("tbody tr").Single(r => r.TextContent.Contains(actor.Name!, StringComparison.Ordinal));

    private static IElement Button(IRenderedComponent<UserList> users, string name) =>
        users.FindAll("button").Single(b => b.AccessibleName() == name);

    private IReadOnlyList<string> Snackbars => Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? "").ToList();

    private async Task<IList<string>> RolesOfAsync(Actor actor)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await manager.GetRolesAsync((await manager.FindByIdAsync(actor.UserId!.Value.ToString()))!);
    }

    [Fact]
    public async Task ListsEveryAccountWithItsRoleAndStatus()
    {
        var users = await RenderUsersAsync();

        Assert.Contains("(you)", Row(users, _admin).TextContent);
        Assert.Equal("Admin", RoleSelect(users, _admin).TextContent.Trim());
        Assert.Equal("User", RoleSelect(users, _user).TextContent.Trim());
        Assert.Contains("Active", Row(users, _user).TextContent);
        Assert.Equal("Users and their roles", users.Find("table").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task ChoosingARoleInTheSelectChangesItAndSaysSo()
    {
        var users = await RenderUsersAsync();

        RoleSelect(users, _user).ParentElement!.ParentElement!.ParentElement!.MouseDown();
        Popovers.WaitForAssertion(() => Popovers.FindAll("[role=option]").Single(o => o.TextContent.Trim() == Roles.Editor).Click());

        users.WaitForAssertion(() => Assert.Contains($"{_user.Name} is now Editor", Snackbars));
        Assert.Equal([Roles.Editor], await RolesOfAsync(_user));
        users.WaitForAssertion(() => Assert.Equal("Editor", RoleSelect(users, _user).TextContent.Trim()));
    }

    [Fact]
    public async Task AnAdminCannotChangeTheirOwnRoleOrLockThemselves()
    {
        var users = await RenderUsersAsync();

        Assert.Equal("true", RoleSelect(users, _admin).GetAttribute("aria-disabled"));
        Assert.Empty(Row(users, _admin).QuerySelectorAll("button"));
        Assert.Null(RoleSelect(users, _user).GetAttribute("aria-disabled"));
    }

    [Fact]
    public async Task LockingAnAccountShowsItLocked()
    {
        var users = await RenderUsersAsync();

        Button(users, $"Lock {_user.Name}").Click();

        users.WaitForAssertion(() => Assert.Contains("Locked", Row(users, _user).TextContent));
        Assert.Contains($"{_user.Name} is locked", Snackbars);
        Button(users, $"Unlock {_user.Name}").Click();
        users.WaitForAssertion(() => Assert.Contains("Active", Row(users, _user).TextContent));
    }

    [Fact]
    public async Task DeleteAsksFirstAndCancelKeepsTheAccount()
    {
        var users = await RenderUsersAsync();

        Button(users, $"Delete {_user.Name}").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains($"Delete the account {_user.Name}", Dialogs.Markup));
        Dialogs.FindAll("button").Single(b => b.AccessibleName() == "Cancel").Click();

        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll("[role=alertdialog], [role=dialog]")));
        Assert.Single(users.FindAll("tbody tr"), r => r.TextContent.Contains(_user.Name!, StringComparison.Ordinal));
        Assert.Equal([Roles.User], await RolesOfAsync(_user));
    }

    [Fact]
    public async Task ConfirmedDeleteRemovesTheAccount()
    {
        var users = await RenderUsersAsync();

        Button(users, $"Delete {_user.Name}").Click();
        Dialogs.WaitForAssertion(() => Dialogs.FindAll("button").Single(b => b.AccessibleName() == "Delete").Click());

        users.WaitForAssertion(() => Assert.DoesNotContain(_user.Name!, users.Find("table").TextContent, StringComparison.Ordinal));
        Assert.Contains($"{_user.Name} was deleted", Snackbars);
    }
}
