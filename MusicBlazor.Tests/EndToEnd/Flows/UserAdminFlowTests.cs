using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MusicBlazor.Accounts;
using MusicBlazor.Tests.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MusicBlazor.Tests.EndToEnd.Flows;

public sealed class UserAdminFlowTests(BrowserFixture browser, AppServer server) : EndToEndTest(browser, server)
{
    [EndToEndFact]
    public Task AnAdminPromotesAUserToEditorAndLocksAnotherAccount() => FlowAsync(async () =>
    {
        var promoted = await Server.CreateAccountAsync();
        var locked = await Server.CreateAccountAsync();
        var admin = await Server.CreateAccountAsync(Roles.Admin);
        var page = await OpenAsync(admin, "/users");

        var role = RoleSelect(page, promoted);
        await Expect(role).ToHaveTextAsync(Roles.User);
        await Expect(RoleSelect(page, admin)).ToHaveAttributeAsync("aria-disabled", "true");
        await role.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = Roles.Editor, Exact = true }).ClickAsync();
        await Expect(page.GetByText($"{promoted} is now Editor")).ToBeVisibleAsync();

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = locked });
        await row.GetByRole(AriaRole.Button, new() { Name = $"Lock {locked}" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Locked");

        await page.ReloadAsync();
        await Expect(RoleSelect(page, promoted)).ToHaveTextAsync(Roles.Editor);
        Assert.True(await Server.AsAsync(AppServer.Admin, async s =>
        {
            var users = s.GetRequiredService<UserManager<ApplicationUser>>();
            return await users.IsInRoleAsync((await users.FindByEmailAsync(promoted))!, Roles.Editor)
                && await users.IsLockedOutAsync((await users.FindByEmailAsync(locked))!);
        }));
    });

    [EndToEndFact]
    public Task AnAdminDeletesAnAccountOnlyAfterConfirming() => FlowAsync(async () =>
    {
        var doomed = await Server.CreateAccountAsync();
        var page = await OpenAsync(await Server.CreateAccountAsync(Roles.Admin), "/users");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = doomed });
        var delete = row.GetByRole(AriaRole.Button, new() { Name = $"Delete {doomed}" });

        await delete.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Delete account" });
        await Expect(dialog).ToContainTextAsync($"Delete the account {doomed}");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(row).ToHaveCountAsync(1);

        await delete.ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Expect(page.GetByText($"{doomed} was deleted")).ToBeVisibleAsync();
        await Expect(row).ToHaveCountAsync(0);
    });

    [EndToEndFact]
    public Task APlainUserIsNotAllowedOnTheUsersPage() => FlowAsync(async () =>
    {
        var page = await OpenAsync(await Server.CreateAccountAsync(), "/users");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not allowed");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);
    });

    private static ILocator RoleSelect(IPage page, string email) =>
        page.GetByRole(AriaRole.Combobox, new() { Name = $"Role for {email}", Exact = true });
}
