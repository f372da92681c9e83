using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MusicBlazor.Catalog;
using MusicBlazor.Components.Pages.Albums;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Components;

public sealed class TrackListEditorTests : ComponentTest
{
    [Fact]
    public void TheServicesMessageAboutTooManyTracksShowsOverTheTrackList()
    {
        var input = new AlbumInput
        {
            Tracks = Enumerable.Range(1, 101).Select(i => new TrackInput { Name = $"Part {i}", Duration = "1:00" }).ToList(),
        };
        var editContext = new EditContext(input);
        var messages = new ValidationMessageStore(editContext);
        var editor = Render<CascadingValue<EditContext>>(p => p
            .Add(c => c.Value, editContext)
            .AddChildContent<TrackListEditor>(e => e.Add(c => c.Input, input)));

        // The rule the service refuses a crafted request with, reported on the album's track list.
        var error = Assert.Single(CatalogRules.Validate(input, TimeProvider.System), e => e.Field == nameof(AlbumInput.Tracks));
        messages.Add(new FieldIdentifier(error.Model, error.Field), error.Message);
        editor.InvokeAsync(editContext.NotifyValidationStateChanged);

        editor.WaitForAssertion(() => Assert.Equal(
            "An album can have at most 100 tracks",
            editor.Find("[role=group][aria-labelledby=tracks-heading] [role=alert]").TextContent.Trim()));
        Assert.True(editor.FindAll("button").Single(b => b.AccessibleName() == "Add track").HasAttribute("disabled"));
    }
}
