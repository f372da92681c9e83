using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MusicBlazor.Accounts;
using MusicBlazor.Tests.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MusicBlazor.Tests.EndToEnd.Flows;

/// <summary>A role change ends the old rights at once: in the tab that is open, and for the cookie it holds.</summary>
public sealed class StaleRightsFlowTests(BrowserFixture browser, AppServer server) : EndToEndTest(browser, server)
{
    private static readonly Regex LogIn = new("/Account/Login\\?");

    [EndToEndFact]
    public Task ADemotedEditorsOpenAlbumFormAndTheirOldCookieLoseTheirRightsWithinASecond() => FlowAsync(async () =>
    {
        var editor = await Server.CreateAccountAsync(Roles.Editor);
        var artist = await Server.ArtistAsync("Stale Rights Ensemble");
        var page = await OpenAsync(editor, $"/artists/{artist}/albums/new");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New album");
        var oldCookie = await page.Context.StorageStateAsync();
        // The cookie is at least a second old, as any cookie is a second after its log-in.
        await Task.Delay(1100);

        var demoted = Stopwatch.StartNew();
        await Server.AsAsync(AppServer.Admin, async services =>
        {
            var user = (await services.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(editor))!;
            await services.GetRequiredService<UserAdminService>().ChangeRoleAsync(user.Id, Roles.User);
        });

        // The circuit signs out, and the page it shows, which needs an editor, sends the browser to log in.
        await Expect(page).ToHaveURLAsync(LogIn, new() { Timeout = 1000 });
        Assert.True(demoted.ElapsedMilliseconds < 1000, $"the open tab lost its rights after {demoted.ElapsedMilliseconds} ms");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true })).ToBeVisibleAsync();

        var oldBrowser = await NewContextAsync(oldCookie);
        var reload = await oldBrowser.NewPageAsync();
        await reload.GotoAsync($"/artists/{artist}/albums/new");
        await Expect(reload).ToHaveURLAsync(LogIn);
    });
}
