using Microsoft.Playwright;
using MusicBlazor.Accounts;
using MusicBlazor.Tests.EndToEnd.Infrastructure;
using MusicBlazor.Tests.EndToEnd.Pages;
using static Microsoft.Playwright.Assertions;

namespace MusicBlazor.Tests.EndToEnd.Flows;

public sealed class PermissionFlowTests(BrowserFixture browser, AppServer server) : EndToEndTest(browser, server)
{
    [EndToEndFact]
    public Task APlainUserIsNotAllowedOnFormsAndSeesNoEditing() => FlowAsync(async () =>
    {
        var artist = await Server.ArtistAsync("Guarded");
        await Server.AlbumAsync(AppServer.Admin, artist, "Locked In");
        var page = await OpenAsync(await Server.CreateAccountAsync(), $"/artists/{artist}");
        var artistPage = new ArtistDetailsPage(page);

        await Expect(artistPage.Follow).ToBeVisibleAsync();
        await Expect(artistPage.EditArtist).ToHaveCountAsync(0);
        await Expect(artistPage.DeleteArtist).ToHaveCountAsync(0);
        await Expect(artistPage.AddAlbum).ToHaveCountAsync(0);
        await Expect(artistPage.EditAlbum("Locked In")).ToHaveCountAsync(0);
        await Expect(artistPage.DeleteAlbum("Locked In")).ToHaveCountAsync(0);

        foreach (var form in new[] { "/artists/new", $"/artists/{artist}/edit", $"/artists/{artist}/albums/new" })
        {
            await GoToAsync(page, form);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not allowed");
        }
    });

    [EndToEndFact]
    public Task AnEditorCannotEditAnAdminsAlbum() => FlowAsync(async () =>
    {
        var artist = await Server.ArtistAsync("Shared Stage");
        var album = await Server.AlbumAsync(AppServer.Admin, artist, "Admin Cut");
        var page = await OpenAsync(await Server.CreateAccountAsync(Roles.Editor), $"/artists/{artist}");

        await Expect(new ArtistDetailsPage(page).EditAlbum("Admin Cut")).ToHaveCountAsync(0);
        await GoToAsync(page, $"/albums/{album}/edit");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not allowed");
        await Expect(page.GetByText("You can only edit albums you created.")).ToBeVisibleAsync();
    });

    [EndToEndFact]
    public Task AnAdminDeletesAnArtistOnlyAfterConfirming() => FlowAsync(async () =>
    {
        var artist = await Server.ArtistAsync("Soon Forgotten");
        await Server.AlbumAsync(AppServer.Admin, artist, "Last Words");
        var page = await OpenAsync(await Server.CreateAccountAsync(Roles.Admin), $"/artists/{artist}");
        var artistPage = new ArtistDetailsPage(page);

        await artistPage.DeleteArtist.ClickAsync();
        var dialog = artistPage.ConfirmDialog;
        await Expect(dialog).ToHaveAccessibleNameAsync("Delete artist");
        await Expect(dialog).ToContainTextAsync("Delete Soon Forgotten and their 1 album(s)?");
        await Expect(artistPage.ConfirmButton).ToBeVisibleAsync();
        await artistPage.CancelButton.ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(artistPage.Heading).ToHaveTextAsync("Soon Forgotten");

        await artistPage.DeleteArtist.ClickAsync();
        // Escape reaches the dialog once focus has moved into it.
        await Expect(dialog.Locator(":focus")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(artistPage.Heading).ToHaveTextAsync("Soon Forgotten");

        await artistPage.DeleteArtist.ClickAsync();
        await artistPage.ConfirmAsync();

        await Expect(page.GetByText("Artist deleted")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Artists");
        await Expect(new ArtistListPage(page).ArtistNames.Filter(new() { HasText = "Soon Forgotten" })).ToHaveCountAsync(0);
        await GoToAsync(page, $"/artists/{artist}");
        await Expect(artistPage.Heading).ToHaveTextAsync("Artist not found");
    });
}
