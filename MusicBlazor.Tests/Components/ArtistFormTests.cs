using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Components.Pages.Artists;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Components;

public sealed class ArtistFormTests : ComponentTest
{
    private IRenderedComponent<ArtistForm> RenderForm(Guid? id = null)
    {
        var form = Render<ArtistForm>(p => p.Add(c => c.Id, id));
        form.WaitForAssertion(() => Assert.DoesNotContain("Loading", form.Markup));
        return form;
    }

    private IReadOnlyList<string> Snackbars => Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? "").ToList();

    [Fact]
    public async Task AnAdminCreatesAnArtist()
    {
        SignIn(await App.CreateUserAsync(Roles.Admin));
        var form = RenderForm();
        Assert.Equal("New artist", form.Find("h1").TextContent);

        form.InputLabelled("Name").Change("Nova Lights");
        form.InputLabelled("Biography").Input("Plays loud.");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Contains("Artist saved", Snackbars));
        await using var db = await App.OpenDbAsync();
        var artist = await db.Artists.SingleAsync(a => a.Name == "Nova Lights");
        Assert.Equal("Plays loud.", artist.Biography);
        Assert.EndsWith($"/artists/{artist.Id}", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public async Task AnEditorRenamesAnArtistAndTheFormStartsFromItsFields()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        var artist = await App.CreateArtistAsync(admin, "Old Name", "Plays loud.");
        SignIn(await App.CreateUserAsync(Roles.Editor));
        var form = RenderForm(artist);
        Assert.Equal("Old Name", form.InputLabelled("Name").GetAttribute("value"));
        Assert.Equal("Plays loud.", form.InputLabelled("Biography").TextContent);

        form.InputLabelled("Name").Change("New Name");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Contains("Artist saved", Snackbars));
        await using var db = await App.OpenDbAsync();
        Assert.Equal("New Name", (await db.Artists.SingleAsync(a => a.Id == artist)).Name);
    }

    [Fact]
    public async Task InvalidFieldsShowTheirMessagesUnderThemAndKeepWhatWasTyped()
    {
        SignIn(await App.CreateUserAsync(Roles.Admin));
        var form = RenderForm();
        var biography = new string('a', 4001);
        form.InputLabelled("Biography").Input(biography);

        form.Find("form").Submit();

        Assert.Equal("Name is required", form.ErrorUnder("Name"));
        Assert.Equal("Biography must be at most 4000 characters", form.ErrorUnder("Biography"));
        Assert.Equal(biography, form.InputLabelled("Biography").TextContent);
        Assert.Contains("please correct the fields below", form.Find("[role=alert]").TextContent);
        await using var db = await App.OpenDbAsync();
        Assert.False(await db.Artists.AnyAsync());
    }

    [Fact]
    public async Task TheInputsTakeNoMoreThanTheRulesAllow()
    {
        SignIn(await App.CreateUserAsync(Roles.Admin));
        var form = RenderForm();

        Assert.Equal("200", form.InputLabelled("Name").GetAttribute("maxlength"));
        Assert.Equal("4000", form.InputLabelled("Biography").GetAttribute("maxlength"));
        Assert.Contains("Optional, up to 4,000 characters.", form.Markup);
    }

    [Fact]
    public async Task AnOverlongNameThatGetsPastTheInputIsNamedAsTooLongAndKept()
    {
        SignIn(await App.CreateUserAsync(Roles.Admin));
        var form = RenderForm();
        var name = new string('n', 30_000);
        form.InputLabelled("Name").Change(name);

        form.Find("form").Submit();

        Assert.Equal("Name must be at most 200 characters", form.ErrorUnder("Name"));
        Assert.Equal(name, form.InputLabelled("Name").GetAttribute("value"));
        await using var db = await App.OpenDbAsync();
        Assert.False(await db.Artists.AnyAsync());
    }

    [Fact]
    public async Task AnEditorMayNotCreateArtists()
    {
        SignIn(await App.CreateUserAsync(Roles.Editor));

        var form = RenderForm();

        Assert.Equal("Not allowed", form.Find("h1").TextContent);
        Assert.Empty(form.FindAll("form"));
    }

    [Fact]
    public async Task AnUnknownArtistIsNotFound()
    {
        SignIn(await App.CreateUserAsync(Roles.Editor));

        var form = RenderForm(Guid.NewGuid());

        Assert.Equal("Artist not found", form.Find("h1").TextContent);
        Assert.Empty(form.FindAll("form"));
    }

    [Fact]
    public async Task AStaleSaveShowsWhatTheOtherAdminChangedKeepsTheInputAndCanOverwrite()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        var artist = await App.CreateArtistAsync(admin, "Old Name", "Plays loud.");
        SignIn(await App.CreateUserAsync(Roles.Admin));
        var form = RenderForm(artist);
        await App.As<ArtistService>(admin).UpdateAsync(artist, new ArtistInput { Name = "Renamed" });

        form.InputLabelled("Biography").Input("Plays softly.");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Contains("Someone else saved this artist while you were editing it", form.Find("[role=alert]").TextContent));
        Assert.Contains("Name: “Old Name” → “Renamed”", form.Find("[role=alert]").TextContent);
        Assert.Equal("Plays softly.", form.InputLabelled("Biography").TextContent);
        await using (var db = await App.OpenDbAsync())
        {
            Assert.Equal(("Renamed", (string?)null), await db.Artists.Where(a => a.Id == artist).Select(a => ValueTuple.Create(a.Name, a.Biography)).SingleAsync());
        }

        form.FindAll("button").Single(b => b.TextContent.Contains("Save mine over theirs")).Click();

        form.WaitForAssertion(() => Assert.Contains("Artist saved", Snackbars));
        await using var after = await App.OpenDbAsync();
        Assert.Equal(("Old Name", "Plays softly."), await after.Artists.Where(a => a.Id == artist).Select(a => ValueTuple.Create(a.Name, a.Biography)).SingleAsync());
    }

    [Fact]
    public async Task AfterAStaleSaveTheUserCanLoadTheOtherVersionInstead()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        var artist = await App.CreateArtistAsync(admin, "Old Name", "Plays loud.");
        SignIn(await App.CreateUserAsync(Roles.Admin));
        var form = RenderForm(artist);
        await App.As<ArtistService>(admin).UpdateAsync(artist, new ArtistInput { Name = "Renamed", Biography = "Plays loud." });
        form.InputLabelled("Name").Change("Mine");
        form.Find("form").Submit();
        form.WaitForAssertion(() => Assert.Contains("Load their version", form.Markup));

        form.FindAll("button").Single(b => b.TextContent.Contains("Load their version")).Click();

        form.WaitForAssertion(() => Assert.Equal("Renamed", form.InputLabelled("Name").GetAttribute("value")));
        Assert.DoesNotContain("Someone else saved", form.Markup);
        form.Find("form").Submit();
        form.WaitForAssertion(() => Assert.Contains("Artist saved", Snackbars));
    }
}
