using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Components.Web;
using MusicBlazor.Accounts;
using MusicBlazor.Components.Layout;
using MusicBlazor.Notifications;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Components;

public sealed class NotificationsPanelTests : ComponentTest
{
    private Actor _admin = null!;
    private Actor _editor = null!;
    private Actor _user = null!;
    private Guid _artist;

    private async Task ArrangeAsync()
    {
        _admin = await App.CreateUserAsync(Roles.Admin);
        _editor = await App.CreateUserAsync(Roles.Editor);
        _user = await App.CreateUserAsync();
        _artist = await App.CreateArtistAsync(_admin, "Nova Lights");
        await App.FollowAsync(_user, _artist);
    }

    private IRenderedComponent<NotificationsPanel> RenderPanel(string expectedBell)
    {
        var panel = Render<NotificationsPanel>();
        panel.WaitForAssertion(() => Assert.Equal(expectedBell, Bell(panel).GetAttribute("aria-label")));
        return panel;
    }

    private static IElement Bell(IRenderedComponent<NotificationsPanel> panel) =>
        panel.FindAll("button").Single(b => b.AccessibleName().StartsWith("Notifications", StringComparison.Ordinal));

    // The click is dispatched on the renderer, which may still be busy with a live delivery: wait for the render.
    private static IElement Popup(IRenderedComponent<NotificationsPanel> panel) => panel.WaitForElement("section[aria-label=Notifications]");

    private static IReadOnlyList<IElement> Items(IRenderedComponent<NotificationsPanel> panel) => Popup(panel).QuerySelectorAll("li").ToList();

    private static IElement Button(IElement scope, string name) =>
        scope.QuerySelectorAll("button").Single(b => b.AccessibleName() == name);

    private static string? Badge(IRenderedComponent<NotificationsPanel> panel) =>
        panel.FindAll(".mud-badge").SingleOrDefault(b => b.ClassList.Contains("mud-badge-visible") || !b.ClassList.Contains("d-none"))?.TextContent.Trim();

    [Fact]
    public async Task RendersNothingForAnonymousVisitors()
    {
        await ArrangeAsync();

        var panel = Render<NotificationsPanel>();

        Assert.Empty(panel.Markup.Trim());
        Assert.Equal(0, Hub.SubscriberCount);
    }

    [Fact]
    public async Task ShowsTheSignedInUsersNotificationsWithTheirCount()
    {
        await ArrangeAsync();
        await App.CreateAlbumAsync(_editor, _artist, "Afterglow");
        SignIn(_user);

        var panel = RenderPanel("Notifications (1)");
        Bell(panel).Click();

        var item = Assert.Single(Items(panel));
        Assert.Contains("Afterglow by Nova Lights", item.TextContent.Replace("\n", " "));
        Assert.Contains("just now", item.TextContent);
        Assert.Equal("1", Badge(panel));
    }

    [Fact]
    public async Task ShowsAnEmptyStateWithoutNotifications()
    {
        await ArrangeAsync();
        SignIn(_user);

        var panel = RenderPanel("Notifications (0)");
        Bell(panel).Click();

        Assert.Contains("No new notifications", Popup(panel).TextContent);
        Assert.Null(Badge(panel));
    }

    [Fact]
    public async Task AddsANotificationLiveAndAnnouncesIt()
    {
        await ArrangeAsync();
        SignIn(_user);
        var panel = RenderPanel("Notifications (0)");

        await App.CreateAlbumAsync(_editor, _artist, "Live Wire");

        panel.WaitForAssertion(() => Assert.Equal("Notifications (1)", Bell(panel).GetAttribute("aria-label")));
        Assert.Equal("New album: Live Wire by Nova Lights", panel.Find("[role=status][aria-label=\"Notification announcements\"]").TextContent);
    }

    [Fact]
    public async Task IgnoresAnotherUsersNotifications()
    {
        await ArrangeAsync();
        var stranger = await App.CreateUserAsync();
        var strangersArtist = await App.CreateArtistAsync(_admin, "Elsewhere");
        await App.FollowAsync(stranger, strangersArtist);
        SignIn(_user);
        var panel = RenderPanel("Notifications (0)");

        await App.CreateAlbumAsync(_editor, strangersArtist, "Not For You");
        await App.CreateAlbumAsync(_editor, _artist, "For You");

        panel.WaitForAssertion(() => Assert.Equal("Notifications (1)", Bell(panel).GetAttribute("aria-label")));
        Bell(panel).Click();
        panel.WaitForAssertion(() => Assert.Contains("For You", Assert.Single(Items(panel)).TextContent));
        Assert.DoesNotContain("Not For You", panel.Markup);
    }

    [Fact]
    public async Task DismissRemovesTheNotificationHereAndInTheDatabase()
    {
        await ArrangeAsync();
        var album = await App.CreateAlbumAsync(_editor, _artist, "Afterglow");
        SignIn(_user);
        var panel = RenderPanel("Notifications (1)");
        Bell(panel).Click();

        Button(Assert.Single(Items(panel)), "Dismiss").Click();

        panel.WaitForAssertion(() => Assert.Equal("Notifications (0)", Bell(panel).GetAttribute("aria-label")));
        await using var db = await App.OpenDbAsync();
        Assert.False(await db.Notifications.AnyAsync(n => n.AlbumId == album));
    }

    [Fact]
    public async Task ADismissInAnotherTabRemovesTheNotificationLive()
    {
        await ArrangeAsync();
        var album = await App.CreateAlbumAsync(_editor, _artist, "Afterglow");
        SignIn(_user);
        var panel = RenderPanel("Notifications (1)");

        await App.As<NotificationInbox>(_user).DismissAsync(album);

        panel.WaitForAssertion(() => Assert.Equal("Notifications (0)", Bell(panel).GetAttribute("aria-label")));
    }

    [Fact]
    public async Task DismissAllEmptiesThePanel()
    {
        await ArrangeAsync();
        await App.CreateAlbumAsync(_editor, _artist, "One");
        await App.CreateAlbumAsync(_editor, _artist, "Two");
        SignIn(_user);
        var panel = RenderPanel("Notifications (2)");
        Bell(panel).Click();

        panel.WaitForAssertion(() => Assert.Equal(2, Items(panel).Count));
        // A live delivery may re-render the panel between finding the button and clicking it: find it again then.
        panel.WaitForAssertion(() => Button(Popup(panel), "Dismiss all").Click());

        panel.WaitForAssertion(() => Assert.Contains("No new notifications", panel.Markup));
        Assert.Equal("Notifications (0)", Bell(panel).GetAttribute("aria-label"));
    }

    [Fact]
    public async Task DeletingTheAlbumDropsItsNotificationLive()
    {
        await ArrangeAsync();
        var album = await App.CreateAlbumAsync(_editor, _artist, "Short Lived");
        SignIn(_user);
        var panel = RenderPanel("Notifications (1)");

        await App.As<MusicBlazor.Catalog.AlbumService>(_admin).DeleteAsync(album);

        panel.WaitForAssertion(() => Assert.Equal("Notifications (0)", Bell(panel).GetAttribute("aria-label")));
    }

    [Fact]
    public async Task FocusMovesIntoThePanelWhenItOpensAndBackToTheBellWhenEscapeClosesIt()
    {
        await ArrangeAsync();
        SignIn(_user);
        var panel = RenderPanel("Notifications (0)");

        Bell(panel).Click();
        Assert.Equal("true", Bell(panel).GetAttribute("aria-expanded"));
        var intoPanel = Assert.Single(JSInterop.VerifyFocusAsyncInvoke(1));

        panel.Find(".notifications").KeyDown(new KeyboardEventArgs { Key = "Escape" });

        Assert.Empty(panel.FindAll("section[aria-label=Notifications]"));
        Assert.Equal("false", Bell(panel).GetAttribute("aria-expanded"));
        var backToBell = JSInterop.VerifyFocusAsyncInvoke(2)[1];
        Assert.NotEqual(intoPanel.Arguments[0], backToBell.Arguments[0]);
    }

    [Fact]
    public async Task UnsubscribesWhenDisposed()
    {
        await ArrangeAsync();
        SignIn(_user);
        RenderPanel("Notifications (0)");
        Assert.Equal(1, Hub.SubscriberCount);

        await DisposeComponentsAsync();

        Assert.Equal(0, Hub.SubscriberCount);
    }
}
