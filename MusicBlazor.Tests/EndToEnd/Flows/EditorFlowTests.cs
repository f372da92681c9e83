using Microsoft.Playwright;
using MusicBlazor.Tests.EndToEnd.Infrastructure;
using MusicBlazor.Tests.EndToEnd.Pages;
using static Microsoft.Playwright.Assertions;

namespace MusicBlazor.Tests.EndToEnd.Flows;

public sealed class EditorFlowTests(BrowserFixture browser, AppServer server) : EndToEndTest(browser, server)
{
    [EndToEndFact]
    public Task AnEditorCreatesAnAlbumWithOrderedTracksAfterFixingInvalidFields() => FlowAsync(async () =>
    {
        var artist = await Server.ArtistAsync("Tracklist Makers");
        var page = await OpenAsync(await Server.CreateAccountAsync(MusicBlazor.Accounts.Roles.Editor), $"/artists/{artist}");
        await new ArtistDetailsPage(page).AddAlbum.ClickAsync();
        var form = new AlbumFormPage(page);

        await form.Name.FillAsync("Sequence");
        await form.YearReleased.FillAsync("1925");
        await form.CoverImageUrl.FillAsync("notavalidURL");
        await form.AddTrackAsync("One", "1:00");
        await form.AddTrackAsync("Two", "2:00");
        await form.AddTrackAsync("Three", "90:21");
        await form.Save.ClickAsync();

        await Expect(page.GetByText("Year released must be between 1950 and next year")).ToBeVisibleAsync();
        await Expect(page.GetByText("Cover image URL must start with https:// or /images/ and end in .png or .jpg")).ToBeVisibleAsync();
        await Expect(form.YearReleased).ToHaveValueAsync("1925");
        await Expect(form.YearReleased).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(form.CoverImageUrl).ToHaveValueAsync("notavalidURL");
        await Expect(form.TrackNames).ToHaveCountAsync(3);

        await form.RemoveTrackAsync(2);
        await form.MoveUpAsync(2);
        await Expect(form.TrackNames.First).ToHaveValueAsync("Three");
        await form.YearReleased.FillAsync("2021");
        await form.CoverImageUrl.FillAsync("/images/covers/amber-coast.png");
        await form.Save.ClickAsync();

        var artistPage = new ArtistDetailsPage(page);
        await Expect(page.GetByText("Album saved")).ToBeVisibleAsync();
        var rows = artistPage.TrackRows("Sequence");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0)).ToContainTextAsync("Three");
        await Expect(rows.Nth(0)).ToContainTextAsync("90:21");
        await Expect(rows.Nth(1)).ToContainTextAsync("One");
        await Expect(rows.Nth(1)).ToContainTextAsync("1:00");
        await Expect(artistPage.Album("Sequence")).ToContainTextAsync("2021 · 91:21");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#album-"));
    });
}
