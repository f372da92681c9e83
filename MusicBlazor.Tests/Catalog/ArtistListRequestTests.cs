using MusicBlazor.Catalog;

namespace MusicBlazor.Tests.Catalog;

public sealed class ArtistListRequestTests
{
    [Theory]
    [InlineData("1", 1)]
    [InlineData("7", 7)]
    [InlineData("178956970", ArtistListRequest.MaxPage)]
    public void AWholePageNumberIsThatPage(string text, int expected) => Assert.Equal(expected, ArtistListRequest.ParsePage(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("+2")]
    [InlineData(" 2")]
    [InlineData("2.5")]
    [InlineData("1e3")]
    [InlineData("178956971")]
    [InlineData("2147483648")]
    [InlineData("99999999999")]
    public void AnythingElseIsTheFirstPage(string? text) => Assert.Equal(1, ArtistListRequest.ParsePage(text));
}
