using MusicBlazor.Components.Account;

namespace MusicBlazor.Tests.Accounts;

public sealed class LocalReturnUrlTests
{
    private const string Base = "http://localhost:5000/";

    [Theory]
    [InlineData("artists/42", "http://localhost:5000/artists/42")]
    [InlineData("/artists/42?tab=a#b", "http://localhost:5000/artists/42?tab=a#b")]
    [InlineData("http://localhost:5000/artists/new", "http://localhost:5000/artists/new")]
    [InlineData("HTTP://LOCALHOST:5000/users", "http://localhost:5000/users")]
    [InlineData("", Base)]
    [InlineData(null, Base)]
    public void APageOfThisAppIsKept(string? returnUrl, string expected) => Assert.Equal(expected, LocalReturnUrl.Resolve(returnUrl, Base));

    [Theory]
    [InlineData("https://example.org")]
    [InlineData("//example.org")]
    [InlineData("/\\example.org")]
    [InlineData("\\\\example.org")]
    [InlineData(" //example.org/path")]
    [InlineData("https://localhost:5000/")]
    [InlineData("http://localhost:5001/")]
    [InlineData("http://localhost:5000@example.org/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://[bad")]
    public void AnyOtherAddressIsTheHomePage(string returnUrl) => Assert.Equal(Base, LocalReturnUrl.Resolve(returnUrl, Base));

    [Fact]
    public void UnderAPathBaseOnlyItsOwnPagesAreKept()
    {
        const string app = "http://localhost/music/";
        Assert.Equal("http://localhost/music/artists", LocalReturnUrl.Resolve("artists", app));
        Assert.Equal(app, LocalReturnUrl.Resolve("/other-app/", app));
    }

    [Fact]
    public void AnExtraSlashInThePathStaysOnThisSite()
    {
        // Sent as an absolute address, so the browser cannot read "//example.org" in the path as another host.
        var resolved = new Uri(LocalReturnUrl.Resolve("http://localhost:5000///example.org", Base));
        Assert.Equal("localhost:5000", resolved.Authority);
    }
}
