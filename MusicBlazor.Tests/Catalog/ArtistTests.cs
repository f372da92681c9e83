using MusicBlazor.Catalog;

namespace MusicBlazor.Tests.Catalog;

public sealed class ArtistTests
{
    [Fact]
    public void RenamingBackToAnOldNameRemovesItFromPreviousNames()
    {
        var artist = Artist.Create("First");
        artist.Rename("Second");
        artist.Rename("Third");
        artist.Rename("First");

        Assert.Equal("First", artist.Name);
        Assert.Equal(["Third", "Second"], artist.PreviousNames);
    }

    [Fact]
    public void RenamingPutsTheOldNameFirst()
    {
        var artist = Artist.Create("First");
        artist.Rename("Second");
        artist.Rename("Third");

        Assert.Equal(["Second", "First"], artist.PreviousNames);
    }

    [Fact]
    public void RenamingToTheSameNameChangesNothing()
    {
        var artist = Artist.Create("Same");
        artist.Rename("Same");

        Assert.Empty(artist.PreviousNames);
    }

    [Fact]
    public void SearchNameIsTheLowerCasedNameBeyondAscii()
    {
        var artist = Artist.Create("Édith PIAF");
        Assert.Equal("édith piaf", artist.SearchName);

        artist.Rename("ÉMILE");
        Assert.Equal("émile", artist.SearchName);
    }
}
