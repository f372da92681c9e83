using Bunit;
using Microsoft.EntityFrameworkCore;
using MusicBlazor.Accounts;
using MusicBlazor.Components.Pages.Albums;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Components;

public sealed class AlbumFormTests : ComponentTest
{
    private Actor _editor = null!;
    private Guid _artist;

    private async Task<IRenderedComponent<AlbumForm>> RenderNewAlbumFormAsync()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        _editor = await App.CreateUserAsync(Roles.Editor);
        _artist = await App.CreateArtistAsync(admin, "Nova Lights");
        SignIn(_editor);
        var form = Render<AlbumForm>(p => p.Add(c => c.ArtistId, _artist));
        form.WaitForAssertion(() => form.Find("#album-name"));
        return form;
    }

    private static void ClickButton(IRenderedComponent<AlbumForm> form, string name) =>
        form.FindAll("button").Single(b => b.AccessibleName() == name).Click();

    private static string[] TrackNames(IRenderedComponent<AlbumForm> form) =>
        form.FindAll("input[aria-label='Track name']").Select(i => i.GetAttribute("value") ?? "").ToArray();

    private static void AddTrack(IRenderedComponent<AlbumForm> form, string name, string duration)
    {
        ClickButton(form, "Add track");
        form.FindAll("input[aria-label='Track name']").Last().Change(name);
        form.FindAll("input[aria-label='Duration']").Last().Change(duration);
    }

    [Fact]
    public async Task AddsRemovesAndReordersTracks()
    {
        var form = await RenderNewAlbumFormAsync();
        AddTrack(form, "One", "1:00");
        AddTrack(form, "Two", "2:00");
        AddTrack(form, "Three", "3:00");

        ClickButton(form, "Remove track 2");
        Assert.Equal(["One", "Three"], TrackNames(form));

        ClickButton(form, "Move track 2 up");
        Assert.Equal(["Three", "One"], TrackNames(form));

        ClickButton(form, "Move track 1 down");
        Assert.Equal(["One", "Three"], TrackNames(form));
        Assert.True(form.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Move track 1 up").HasAttribute("disabled"));
    }

    [Fact]
    public async Task SavesTheAlbumWithItsTracksInOrder()
    {
        var form = await RenderNewAlbumFormAsync();
        form.Find("#album-name").Change("Afterglow");
        form.Find("#album-year").Change("2020");
        form.Find("#album-cover").Change("/images/test.jpg");
        AddTrack(form, "Dawn", "2:22");
        AddTrack(form, "Dusk", "90:21");

        form.Find("form").Submit();

        await using var db = await App.OpenDbAsync();
        var album = await db.Albums.Include(a => a.Tracks).SingleAsync();
        Assert.Equal(("Afterglow", 2020, "/images/test.jpg", _editor.UserId), (album.Name, album.YearReleased, album.CoverImageUrl, album.CreatedById));
        Assert.Equal([("Dawn", 142), ("Dusk", 5421)], album.Tracks.OrderBy(t => t.Order).Select(t => (t.Name, t.DurationSeconds)));
    }

    [Fact]
    public async Task InvalidFieldsShowTheirMessagesAndKeepWhatWasTyped()
    {
        var form = await RenderNewAlbumFormAsync();
        form.Find("#album-name").Change("Afterglow");
        form.Find("#album-year").Change("1925");
        form.Find("#album-cover").Change("notavalidURL");
        AddTrack(form, "Dawn", "2 minutes");

        form.Find("form").Submit();

        var messages = form.FindAll(".validation-message").Select(m => m.TextContent).ToArray();
        Assert.Contains("Year released must be between 1950 and next year", messages);
        Assert.Contains("Cover image URL must start with https:// or /images/ and end in .png or .jpg", messages);
        Assert.Contains("Track 1 duration: use m:ss format", messages);
        Assert.Equal("1925", form.Find("#album-year").GetAttribute("value"));
        Assert.Equal("notavalidURL", form.Find("#album-cover").GetAttribute("value"));
        Assert.Equal("2 minutes", form.Find("input[aria-label='Duration']").GetAttribute("value"));
        await using var db = await App.OpenDbAsync();
        Assert.False(await db.Albums.AnyAsync());
    }

    [Fact]
    public async Task ADuplicateNameShowsTheServicesMessageOnTheNameField()
    {
        var form = await RenderNewAlbumFormAsync();
        await App.CreateAlbumAsync(_editor, _artist, "Afterglow", 2001);
        form.Find("#album-name").Change("AFTERGLOW");
        form.Find("#album-year").Change("2020");

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal(
            "An album named \"AFTERGLOW\" already exists for this artist",
            form.Find("#album-name + .validation-message").TextContent));
        Assert.Contains("Could not save album", form.Find("[role=alert]").TextContent);
    }

    [Fact]
    public async Task AnEditorCannotOpenAnotherUsersAlbumForEditing()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        var editor = await App.CreateUserAsync(Roles.Editor);
        var artist = await App.CreateArtistAsync(admin, "Nova Lights");
        var album = await App.CreateAlbumAsync(admin, artist, "Admin's Album");
        SignIn(editor);

        var form = Render<AlbumForm>(p => p.Add(c => c.AlbumId, album));

        form.WaitForAssertion(() => Assert.Equal("Not allowed", form.Find("h1").TextContent));
        Assert.Empty(form.FindAll("form"));
    }
}
