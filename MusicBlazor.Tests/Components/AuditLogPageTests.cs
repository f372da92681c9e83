using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bunit;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Components.Pages.Audit;
using MusicBlazor.Subscribers;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Components;

public sealed class AuditLogPageTests : ComponentTest
{
    // One line per entry: who | what | changes, each change (a list item) ending in "; ".
    private static string[] Rows(IRenderedComponent<AuditLogPage> page) =>
        page.FindAll("tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Skip(1).Select(Text))).ToArray();

    private static string Text(IElement cell) => cell.QuerySelectorAll("li") is { Length: > 0 } items
        ? string.Concat(items.Select(li => Squeezed(li.TextContent) + "; "))
        : Squeezed(cell.TextContent);

    private static string Squeezed(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    [Fact]
    public async Task AnAdminSeesWhoChangedWhatFromWhatToWhatAndNewEntriesArriveLive()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        await App.StartSubscribersAndWaitAsync();
        SignIn(admin);
        var page = Render<AuditLogPage>();
        page.WaitForAssertion(() => Assert.Contains("No changes have been audited yet.", page.Markup));

        var artist = await App.CreateArtistAsync(admin, "Before");
        var artists = App.As<ArtistService>(admin);
        var edit = (await artists.GetForEditAsync(artist))!;
        edit.Name = "After";
        await artists.UpdateAsync(artist, edit);

        page.WaitForAssertion(() => Assert.Equal(
            "admin | Updated artist After | Name: Before → After; Former names: — → Before; \nadmin | Created artist Before | Name: Before; ",
            string.Join("\n", Rows(page)).Replace(admin.Name!, "admin")));
        Assert.Equal("2 entries", page.Find("[role=status]").TextContent.Trim());
        Assert.Equal("Audit log entries", page.Find("table").GetAttribute("aria-label") ?? page.Find(".mud-table").GetAttribute("aria-label"));
    }
}
