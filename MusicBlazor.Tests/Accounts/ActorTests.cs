using System.Security.Claims;
using MusicBlazor.Accounts;
using MusicBlazor.TestSupport.Authentication;

namespace MusicBlazor.Tests.Accounts;

public sealed class ActorTests
{
    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.User)]
    public void ASignedInPrincipalBecomesThatUserWithThatRole(string role)
    {
        var id = Guid.CreateVersion7();

        var actor = Actor.FromPrincipal(TestAuthenticationStateProvider.ToPrincipal(Actor.User(id, role, "nina")));

        Assert.Equal(new Actor(id, "nina", role), actor);
        Assert.Equal((role == Roles.Admin, role == Roles.Editor), (actor.IsAdmin, actor.IsEditor));
    }

    [Fact]
    public void TheHighestRoleWins()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new(ClaimTypes.NameIdentifier, Guid.CreateVersion7().ToString()), new(ClaimTypes.Role, Roles.Editor), new(ClaimTypes.Role, Roles.Admin)],
            "Test"));

        Assert.Equal(Roles.Admin, Actor.FromPrincipal(principal).Role);
    }

    [Fact]
    public void AnUnauthenticatedPrincipalIsAnonymous()
    {
        var unauthenticated = new ClaimsPrincipal(new ClaimsIdentity([new(ClaimTypes.NameIdentifier, Guid.CreateVersion7().ToString())]));

        Assert.Same(Actor.Anonymous, Actor.FromPrincipal(unauthenticated));
        Assert.False(Actor.Anonymous.IsAuthenticated || Actor.Anonymous.IsAdmin || Actor.Anonymous.IsEditor);
    }

    [Fact]
    public void APrincipalWithoutAGuidIdIsAnonymous()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new(ClaimTypes.NameIdentifier, "not-a-guid")], "Test"));

        Assert.Same(Actor.Anonymous, Actor.FromPrincipal(principal));
    }

    [Fact]
    public void AnAnonymousActorWithARoleClaimHasNoRights()
    {
        var actor = new Actor(null, null, Roles.Admin);
        Assert.False(actor.IsAdmin || actor.IsEditor || actor.IsAuthenticated);
    }
}
