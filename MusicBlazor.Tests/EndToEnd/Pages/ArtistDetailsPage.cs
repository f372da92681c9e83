using Microsoft.Playwright;

namespace MusicBlazor.Tests.EndToEnd.Pages;

public sealed class ArtistDetailsPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Follow => page.GetByRole(AriaRole.Button, new() { Name = "Follow", Exact = true });
    public ILocator Unfollow => page.GetByRole(AriaRole.Button, new() { Name = "Unfollow", Exact = true });
    public ILocator Followers => page.GetByText(new System.Text.RegularExpressions.Regex(@"^\d+ followers?$"));
    public ILocator EditArtist => page.GetByRole(AriaRole.Link, new() { Name = "Edit artist" });
    public ILocator DeleteArtist => page.GetByRole(AriaRole.Button, new() { Name = "Delete artist" });
    public ILocator AddAlbum => page.GetByRole(AriaRole.Link, new() { Name = "Add album" });

    public ILocator Album(string name) => page.GetByRole(AriaRole.Region, new() { Name = name, Exact = true });

    public ILocator TrackRows(string album) => Album(album).GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell) });

    public ILocator EditAlbum(string album) => page.GetByRole(AriaRole.Link, new() { Name = $"Edit {album}", Exact = true });

    public ILocator DeleteAlbum(string album) => page.GetByRole(AriaRole.Button, new() { Name = $"Delete {album}", Exact = true });

    /// <summary>The "are you sure" dialog before a delete.</summary>
    public ILocator ConfirmDialog => page.GetByRole(AriaRole.Dialog);

    public ILocator ConfirmButton => ConfirmDialog.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true });

    public ILocator CancelButton => ConfirmDialog.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true });

    /// <summary>Confirms the open "are you sure" dialog.</summary>
    public Task ConfirmAsync() => ConfirmButton.ClickAsync();
}
