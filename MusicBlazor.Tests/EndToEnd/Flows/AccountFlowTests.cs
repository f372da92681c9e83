using Microsoft.Playwright;
using MusicBlazor.Tests.EndToEnd.Infrastructure;
using MusicBlazor.Tests.EndToEnd.Pages;
using static Microsoft.Playwright.Assertions;

namespace MusicBlazor.Tests.EndToEnd.Flows;

public sealed class AccountFlowTests(BrowserFixture browser, AppServer server) : EndToEndTest(browser, server)
{
    [EndToEndFact]
    public Task ANewcomerRegistersConfirmsLogsInAndLogsOut() => FlowAsync(async () =>
    {
        var email = $"newcomer-{Guid.NewGuid():N}@example.test";
        var page = await (await NewContextAsync()).NewPageAsync();

        await page.GotoAsync("/Account/Register");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Newcomer-password-1");
        await page.GetByLabel("Confirm Password").FillAsync("Newcomer-password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page.GetByText("Please check your email to confirm your account.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "development mailbox" }).ClickAsync();
        var mail = page.GetByRole(AriaRole.Article, new() { Name = $"Confirm your MusicBlazor account to {email}" });
        await mail.GetByRole(AriaRole.Link, new() { Name = "clicking here" }).ClickAsync();
        await Expect(page.GetByText("Thank you for confirming your email.")).ToBeVisibleAsync();

        await LogInAsync(page, email, "Newcomer-password-1");
        await GoToAsync(page, "/");
        var banner = page.GetByRole(AriaRole.Banner);
        await Expect(banner.GetByRole(AriaRole.Link, new() { Name = email })).ToBeVisibleAsync();

        await banner.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Expect(banner.GetByRole(AriaRole.Link, new() { Name = "Log in" })).ToBeVisibleAsync();
        await Expect(banner.GetByText(email)).ToHaveCountAsync(0);
    });

    [EndToEndFact]
    public Task DeletingYourAccountTakesYourFollowsWithIt() => FlowAsync(async () =>
    {
        var artist = await Server.ArtistAsync("Left Behind");
        var email = await Server.CreateAccountAsync();
        await Server.FollowAsync(email, artist);
        var page = await OpenAsync(email, $"/artists/{artist}");
        var artistPage = new ArtistDetailsPage(page);
        await Expect(artistPage.Followers).ToHaveTextAsync("1 follower");

        await page.GotoAsync("/Account/Manage/DeletePersonalData");
        await page.GetByLabel("Password").FillAsync(AppServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete data and close my account" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Log in" })).ToBeVisibleAsync();
        await GoToAsync(page, $"/artists/{artist}");
        await Expect(artistPage.Followers).ToHaveTextAsync("0 followers");
    });
}
