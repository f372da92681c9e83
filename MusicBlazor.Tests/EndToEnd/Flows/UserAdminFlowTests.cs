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
        var page = await OpenAsync(await Server.CreateAccountAsync(Roles.Admin), "/users");

        var role = page.GetByLabel($"Role for {promoted}");
        await Expect(role).ToHaveValueAsync(Roles.User);
        await role.SelectOptionAsync(Roles.Editor);
        await Expect(page.GetByText($"{promoted} is now Editor")).ToBeVisibleAsync();

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = locked });
        await row.GetByRole(AriaRole.Button, new() { Name = $"Lock {locked}" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Locked");

        await page.ReloadAsync();
        await Expect(page.GetByLabel($"Role for {promoted}")).ToHaveValueAsync(Roles.Editor);
        Assert.True(await Server.AsAsync(AppServer.Admin, async s =>
        {
            var users = s.GetRequiredService<UserManager<ApplicationUser>>();
            return await users.IsInRoleAsync((await users.FindByEmailAsync(promoted))!, Roles.Editor)
                && await users.IsLockedOutAsync((await users.FindByEmailAsync(locked))!);
        }));
    });

    [EndToEndFact]
    public Task APlainUserIsNotAllowedOnTheUsersPage() => FlowAsync(async () =>
    {
        var page = await OpenAsync(await Server.CreateAccountAsync(), "/users");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not allowed");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);
    });
}
