using MusicBlazor.Catalog;

namespace MusicBlazor.Tests.Catalog;

public sealed class ArtistSearchTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void NothingTypedIsNoSearch(string? typed) => Assert.Null(ArtistSearch.For(typed));

    [Fact]
    public void TheTermIsTrimmedAndLowerCasedBeyondAscii() => Assert.Equal("édith piaf", ArtistSearch.For("  ÉDITH Piaf ")!.Term);

    [Theory]
    [InlineData("moon", "\"moon\"")]
    [InlineData("guns \"n\" roses", "\"guns \"\"n\"\" roses\"")]
    [InlineData("ac/dc OR x*", "\"ac/dc or x*\"")]
    public void TheIndexIsAskedForTheWholeTermAsOnePhrase(string typed, string expected) =>
        Assert.Equal(expected, ArtistSearch.For(typed)!.IndexQuery);

    [Theory]
    [InlineData("ab", false)]
    [InlineData("é1", false)]
    [InlineData("abc", true)]
    [InlineData("日本語", true)]
    public void OnlyTermsOfThreeCharactersOrMoreCanBeLookedUp(string typed, bool canUseIndex) =>
        Assert.Equal(canUseIndex, ArtistSearch.For(typed)!.CanUseIndex);

    [Theory]
    // A rare term: walking would pass most of the 100,000 artists.
    [InlineData(1, 0, true)]
    [InlineData(0, 0, true)]
    // A common term's first page comes after a few hundred artists: walk. Its deep pages are cheaper looked up.
    [InlineData(3_109, 0, false)]
    [InlineData(3_109, 1_848, true)]
    // Too many matches to sort: walk, whatever the page.
    [InlineData(5_001, 50_000, false)]
    public void TheCheaperWayIsChosen(int matches, int skip, bool prefersIndex) =>
        Assert.Equal(prefersIndex, ArtistSearch.For("moon")!.PrefersIndex(matches, artists: 100_000, skip));

    [Fact]
    public void AShortTermIsNeverLookedUp() => Assert.False(ArtistSearch.For("mo")!.PrefersIndex(matches: 1, artists: 100_000, skip: 0));
}
