using Bunit;
using Microsoft.EntityFrameworkCore;
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

    private static AngleSharp.Dom.IElement Bell(IRenderedComponent<NotificationsPanel> panel) => panel.Find("button.bell");

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

        var item = Assert.Single(panel.FindAll(".notifications-popup li"));
        Assert.Contains("Afterglow by Nova Lights", item.TextContent.Replace("\n", " "));
        Assert.Contains("just now", item.TextContent);
        Assert.Equal("1", panel.Find(".badge").TextContent);
    }

    [Fact]
    public async Task ShowsAnEmptyStateWithoutNotifications()
    {
        await ArrangeAsync();
        SignIn(_user);

        var panel = RenderPanel("Notifications (0)");
        Bell(panel).Click();

        Assert.Contains("No new notifications", panel.Find(".notifications-popup").TextContent);
        Assert.Empty(panel.FindAll(".badge"));
    }

    [Fact]
    public async Task AddsANotificationLiveAndAnnouncesIt()
    {
        await ArrangeAsync();
        SignIn(_user);
        var panel = RenderPanel("Notifications (0)");

        await App.CreateAlbumAsync(_editor, _artist, "Live Wire");

        panel.WaitForAssertion(() => Assert.Equal("Notifications (1)", Bell(panel).GetAttribute("aria-label")));
        Assert.Equal("New album: Live Wire by Nova Lights", panel.Find("[aria-live=polite]").TextContent);
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
        panel.WaitForAssertion(() => Assert.Contains("For You", Assert.Single(panel.FindAll(".notifications-popup li")).TextContent));
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

        panel.Find(".notifications-popup li button").Click();

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

        panel.WaitForAssertion(() => Assert.Single(panel.FindAll(".notifications-popup header button"), b => b.TextContent == "Dismiss all"));
        panel.FindAll(".notifications-popup header button").Single(b => b.TextContent == "Dismiss all").Click();

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
