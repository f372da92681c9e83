using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Components.Layout;
using MusicBlazor.Components.Pages.Artists;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Components;

/// <summary>
/// Snapshot + position: views opened at random moments while another task commits changes in a tight loop end up
/// equal to a fresh read, however their read and their subscription interleaved with the commits.
/// </summary>
public sealed partial class GapFreeLiveViewTests : ComponentTest
{
    private const int Writes = 40;
    private const int MinimumViews = 30;
    private int _opened;

    [Fact]
    public async Task ViewsOpenedWhileChangesCommitEndUpEqualToAFreshRead()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        var editor = await App.CreateUserAsync(Roles.Editor);
        var fan = await App.CreateUserAsync();
        var artist = await App.CreateArtistAsync(admin, "Racing Hearts");
        await App.FollowAsync(fan, artist);
        SignIn(fan);
        _ = Dialogs;
        _ = Popovers;

        var writer = Task.Run(() => WriteInATightLoopAsync(admin, editor, artist));
        var random = new Random(2026);
        var views = new List<(string Kind, Func<string?> Shown)>();
        while (!writer.IsCompleted)
        {
            await Task.Delay(random.Next(0, 25));
            views.Add(ArtistView(artist));
            views.Add(ListView());
            views.Add(PanelView());
            Volatile.Write(ref _opened, views.Count);
        }

        await writer;
        await App.DeliverAsync();
        Assert.True(views.Count >= MinimumViews, $"only {views.Count} views opened during the writes");

        var fresh = new[] { ArtistView(artist), ListView(), PanelView() }.ToDictionary(v => v.Kind, v => Settled(v.Shown));
        Assert.Contains("Racing Hearts", fresh["artist"]);
        Assert.Matches(@"^Notifications \(\d+\)", fresh["panel"]);
        foreach (var (kind, shown) in views)
        {
            try
            {
                await Eventually.TrueAsync(() => Try(shown) == fresh[kind], $"a {kind} view opened during the writes equals a fresh read", TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException)
            {
                Assert.Equal(fresh[kind], Try(shown));
            }
        }
    }

    private (string Kind, Func<string?> Shown) ArtistView(Guid artist)
    {
        var page = Render<ArtistPage>(p => p.Add(c => c.Id, artist));
        return ("artist", () => Text(page.Nodes));
    }

    private (string Kind, Func<string?> Shown) ListView()
    {
        var page = Render<ArtistList>();
        return ("list", () => Text(page.Nodes));
    }

    /// <summary>The bell's name and, with the panel opened, every notification's text.</summary>
    private (string Kind, Func<string?> Shown) PanelView()
    {
        var panel = Render<NotificationsPanel>();
        return ("panel", () =>
        {
            var bell = panel.FindAll("button").Single(b => b.AccessibleName().StartsWith("Notifications", StringComparison.Ordinal));
            if (panel.FindAll("section[aria-label=Notifications]").Count == 0)
            {
                bell.Click();
            }

            var items = panel.FindAll("section[aria-label=Notifications] li").Select(li => Whitespace().Replace(li.TextContent, " ").Trim()).ToList();
            // The popup renders after the bell's click: until its items match the bell's count, it is not read yet.
            return bell.AccessibleName() == $"Notifications ({items.Count})" ? bell.AccessibleName() + " | " + string.Join(" | ", items) : null;
        });
    }

    private static string Settled(Func<string?> shown)
    {
        string? text = null;
        Eventually.TrueAsync(() => (text = Try(shown)) is { } t && !t.Contains("Loading") && !t.StartsWith("Notifications |"), "a fresh view loaded")
            .GetAwaiter().GetResult();
        return text!;
    }

    // The renderer may be mid-render on another thread; a failed read is simply not equal yet.
    private static string? Try(Func<string?> shown)
    {
        try
        {
            return shown();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ElementNotFoundException)
        {
            return null;
        }
    }

    private static string Text(INodeList nodes) => Whitespace().Replace(string.Concat(nodes.Select(n => n.TextContent)), " ").Trim();

    /// <summary>Renames, new albums (each notifying the fan), album renames and deletions, as fast as they commit.</summary>
    private async Task WriteInATightLoopAsync(Actor admin, Actor editor, Guid artist)
    {
        var albums = new List<Guid>();
        var pause = new Random(1951);
        // Keeps committing until enough views have opened in between, however slowly the machine renders.
        for (var i = 0; i < Writes || Volatile.Read(ref _opened) < MinimumViews; i++)
        {
            // Short, uneven pauses: views open before, between and during commits.
            await Task.Delay(pause.Next(0, 20));
            switch (i % 4)
            {
                case 0:
                    await App.As<ArtistService>(admin).UpdateAsync(artist, new ArtistInput { Name = $"Racing Hearts {i}" });
                    break;
                case 1:
                    albums.Add(await App.CreateAlbumAsync(editor, artist, $"Album {i}", 1980 + (i % 40)));
                    break;
                case 2:
                    await App.As<AlbumService>(editor).UpdateAsync(albums[^1], CatalogSeed.AlbumInput($"Album {i} (remastered)", 1980 + (i % 40)));
                    break;
                default:
                    if (albums.Count > 2)
                    {
                        await App.As<AlbumService>(editor).DeleteAsync(albums[0]);
                        albums.RemoveAt(0);
                    }

                    break;
            }
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
