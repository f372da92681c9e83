using Bunit;
using Microsoft.AspNetCore.Components;
using MusicBlazor.Accounts;
using MusicBlazor.Components.Layout;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Components;

/// <summary>The top bar shows each viewer the links and controls their rights allow, and follows a change of rights live.</summary>
public sealed class MainLayoutTests : ComponentTest
{
    private IRenderedComponent<MainLayout> RenderLayout(Actor actor)
    {
        SignIn(actor);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "Page body"))));
    }

    private static List<string> MainLinks(IRenderedComponent<MainLayout> layout) =>
        layout.FindAll("nav[aria-label=Main] a").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public void ASignedOutVisitorSeesTheCatalogAndHowToSignIn()
    {
        var layout = RenderLayout(Actor.Anonymous);

        Assert.Equal(["Artists"], MainLinks(layout));
        Assert.Equal(["Log in", "Register"], layout.FindAll(".top-actions a").Select(a => a.TextContent.Trim()));
        Assert.Empty(layout.FindAll("button[aria-label^=Notifications]"));
        Assert.Contains("Page body", layout.Find("main").TextContent);
    }

    [Fact]
    public async Task AnAdminSeesEveryAdminPageTheBellAndTheirAccount()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);

        var layout = RenderLayout(admin);

        Assert.Equal(["Artists", "Users", "Audit log", "System"], MainLinks(layout));
        layout.WaitForAssertion(() => Assert.Single(layout.FindAll("button[aria-label^=Notifications]")));
        Assert.Equal($"Manage your account ({admin.Name})", layout.Find("a.d-sm-none").GetAttribute("aria-label"));
        Assert.Equal("Log out", layout.Find("form.logout-form button").TextContent);
    }

    [Fact]
    public async Task AnEditorSeesNoAdminPages()
    {
        var layout = RenderLayout(await App.CreateUserAsync(Roles.Editor));

        Assert.Equal(["Artists"], MainLinks(layout));
    }

    [Fact]
    public async Task AdminLinksGoTheMomentTheRoleIsTakenAway()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        var layout = RenderLayout(admin);
        Assert.Contains("Users", MainLinks(layout));

        SignIn(admin with { Role = Roles.User });

        layout.WaitForAssertion(() => Assert.Equal(["Artists"], MainLinks(layout)));
    }
}
