using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Components.Pages.Albums;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Components;

public sealed class AlbumFormTests : ComponentTest, IAsyncLifetime
{
    private Actor _editor = null!;
    private Guid _artist;

    // MudNumericField's key interceptor can only be disposed asynchronously, and xUnit 2 disposes the test class synchronously.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await App.DisposeAsync();
    }

    private async Task<IRenderedComponent<AlbumForm>> RenderNewAlbumFormAsync()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        _editor = await App.CreateUserAsync(Roles.Editor);
        _artist = await App.CreateArtistAsync(admin, "Nova Lights");
        SignIn(_editor);
        var form = Render<AlbumForm>(p => p.Add(c => c.ArtistId, _artist));
        form.WaitForAssertion(() => form.InputLabelled("Name"));
        return form;
    }

    private static void ClickButton(IRenderedComponent<AlbumForm> form, string name) =>
        form.FindAll("button").Single(b => b.AccessibleName() == name).Click();

    private static string[] TrackNames(IRenderedComponent<AlbumForm> form) =>
        form.InputsLabelled("Track name").Select(i => i.GetAttribute("value") ?? "").ToArray();

    private static void AddTrack(IRenderedComponent<AlbumForm> form, string name, string duration)
    {
        ClickButton(form, "Add track");
        form.InputsLabelled("Track name").Last().Change(name);
        form.InputsLabelled("Duration").Last().Change(duration);
    }

    private IReadOnlyList<string> Snackbars => Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? "").ToList();

    [Fact]
    public async Task AddsRemovesAndReordersTracks()
    {
        var form = await RenderNewAlbumFormAsync();
        Assert.Contains("No tracks yet", form.Markup);
        AddTrack(form, "One", "1:00");
        AddTrack(form, "Two", "2:00");
        AddTrack(form, "Three", "3:00");

        ClickButton(form, "Remove track 2");
        Assert.Equal(["One", "Three"], TrackNames(form));

        ClickButton(form, "Move track 2 up");
        Assert.Equal(["Three", "One"], TrackNames(form));

        ClickButton(form, "Move track 1 down");
        Assert.Equal(["One", "Three"], TrackNames(form));
        Assert.True(form.FindAll("button").Single(b => b.AccessibleName() == "Move track 1 up").HasAttribute("disabled"));
        Assert.True(form.FindAll("button").Single(b => b.AccessibleName() == "Move track 2 down").HasAttribute("disabled"));
        Assert.Equal("Track 1 moved to position 2", form.Find(".announcement[role=status]").TextContent);
    }

    [Fact]
    public async Task SavesTheAlbumWithItsTracksInOrder()
    {
        var form = await RenderNewAlbumFormAsync();
        form.InputLabelled("Name").Change("Afterglow");
        form.InputLabelled("Year released").Change("2020");
        form.InputLabelled("Cover image URL").Change("/images/test.jpg");
        AddTrack(form, "Dawn", "2:22");
        AddTrack(form, "Dusk", "90:21");

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Contains("Album saved", Snackbars));
        await using var db = await App.OpenDbAsync();
        var album = await db.Albums.Include(a => a.Tracks).SingleAsync();
        Assert.Equal(("Afterglow", 2020, "/images/test.jpg", _editor.UserId), (album.Name, album.YearReleased, album.CoverImageUrl, album.CreatedById));
        Assert.Equal([("Dawn", 142), ("Dusk", 5421)], album.Tracks.OrderBy(t => t.Order).Select(t => (t.Name, t.DurationSeconds)));
        Assert.EndsWith($"/artists/{_artist}#album-{album.Id}", Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri);
    }

    [Fact]
    public async Task InvalidFieldsShowTheirMessagesUnderThemAndKeepWhatWasTyped()
    {
        var form = await RenderNewAlbumFormAsync();
        form.InputLabelled("Name").Change("Afterglow");
        form.InputLabelled("Year released").Change("1925");
        form.InputLabelled("Cover image URL").Change("notavalidURL");
        AddTrack(form, "Dawn", "2 minutes");

        form.Find("form").Submit();

        Assert.Null(form.ErrorUnder("Name"));
        Assert.Equal("Year released must be between 1950 and next year", form.ErrorUnder("Year released"));
        Assert.Equal("Cover image URL must start with https:// or /images/ and end in .png or .jpg", form.ErrorUnder("Cover image URL"));
        Assert.Null(form.ErrorUnder("Track name"));
        Assert.Equal("Track 1 duration: use m:ss format", form.ErrorUnder("Duration"));
        Assert.Equal("Afterglow", form.InputLabelled("Name").GetAttribute("value"));
        Assert.Equal("1925", form.InputLabelled("Year released").GetAttribute("value"));
        Assert.Equal("notavalidURL", form.InputLabelled("Cover image URL").GetAttribute("value"));
        Assert.Equal("2 minutes", form.InputLabelled("Duration").GetAttribute("value"));
        Assert.Contains("please correct the fields below", form.Find("[role=alert]").TextContent);
        await using var db = await App.OpenDbAsync();
        Assert.False(await db.Albums.AnyAsync());
    }

    [Fact]
    public async Task AFixedFieldLosesItsMessage()
    {
        var form = await RenderNewAlbumFormAsync();
        form.Find("form").Submit();
        Assert.Equal("Name is required", form.ErrorUnder("Name"));

        form.InputLabelled("Name").Change("Afterglow");

        Assert.Null(form.ErrorUnder("Name"));
        Assert.Equal("Year released must be between 1950 and next year", form.ErrorUnder("Year released"));
    }

    [Fact]
    public async Task ADuplicateNameShowsTheServicesMessageOnTheNameField()
    {
        var form = await RenderNewAlbumFormAsync();
        await App.CreateAlbumAsync(_editor, _artist, "Afterglow", 2001);
        form.InputLabelled("Name").Change("AFTERGLOW");
        form.InputLabelled("Year released").Change("2020");

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal(
            "An album named \"AFTERGLOW\" already exists for this artist", form.ErrorUnder("Name")));
        Assert.Equal("Could not save album: please correct the fields below.", form.Find("[role=alert]").TextContent.Trim());
        Assert.Contains(Snackbars, m => m.StartsWith("Could not save album", StringComparison.Ordinal));
        Assert.Equal("AFTERGLOW", form.InputLabelled("Name").GetAttribute("value"));
        Assert.False(form.FindAll("button").Single(b => b.AccessibleName() == "Save").HasAttribute("disabled"));
    }

    [Fact]
    public async Task TheInputsTakeNoMoreThanTheRulesAllow()
    {
        var form = await RenderNewAlbumFormAsync();
        AddTrack(form, "Dawn", "2:22");

        Assert.Equal("200", form.InputLabelled("Name").GetAttribute("maxlength"));
        Assert.Equal("2048", form.InputLabelled("Cover image URL").GetAttribute("maxlength"));
        Assert.Equal("200", form.InputLabelled("Track name").GetAttribute("maxlength"));
        Assert.Equal("5", form.InputLabelled("Duration").GetAttribute("maxlength"));
    }

    [Fact]
    public async Task OverlongOrOutOfRangeValuesThatGetPastTheInputsAreNamedAndKept()
    {
        var form = await RenderNewAlbumFormAsync();
        var name = new string('a', 30_000);
        form.InputLabelled("Name").Change(name);
        form.InputLabelled("Year released").Change("1950");
        AddTrack(form, "Dawn", "9999:59");

        form.Find("form").Submit();

        Assert.Equal("Name must be at most 200 characters", form.ErrorUnder("Name"));
        Assert.Null(form.ErrorUnder("Year released"));
        Assert.Equal("Track 1 duration must be between 0:01 and 99:59", form.ErrorUnder("Duration"));
        Assert.Equal(name, form.InputLabelled("Name").GetAttribute("value"));
        Assert.Equal("9999:59", form.InputLabelled("Duration").GetAttribute("value"));
        await using var db = await App.OpenDbAsync();
        Assert.False(await db.Albums.AnyAsync());
    }

    [Fact]
    public async Task AFullAlbumOffersNoMoreTracks()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        var artist = await App.CreateArtistAsync(admin, "Nova Lights");
        var input = CatalogSeed.AlbumInput("Box Set", 2000);
        input.Tracks = Enumerable.Range(1, 100).Select(i => new TrackInput { Name = $"Part {i}", Duration = "1:00" }).ToList();
        var album = await App.As<AlbumService>(admin).CreateAsync(artist, input);
        SignIn(admin);

        var form = Render<AlbumForm>(p => p.Add(c => c.AlbumId, album));
        form.WaitForAssertion(() => Assert.Equal(100, form.InputsLabelled("Track name").Length));

        Assert.True(form.FindAll("button").Single(b => b.AccessibleName() == "Add track").HasAttribute("disabled"));
        Assert.Contains("An album can have at most 100 tracks.", form.Find("[role=group][aria-labelledby=tracks-heading]").TextContent);
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

    [Fact]
    public async Task AnUnknownAlbumIsNotFound()
    {
        SignIn(await App.CreateUserAsync(Roles.Editor));

        var form = Render<AlbumForm>(p => p.Add(c => c.AlbumId, Guid.NewGuid()));

        form.WaitForAssertion(() => Assert.Equal("Album not found", form.Find("h1").TextContent));
        Assert.Empty(form.FindAll("form"));
    }
}
