using MusicBlazor.Catalog;
using MusicBlazor.Common;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Catalog;

public sealed class CatalogRulesTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));

    private static AlbumInput ValidAlbum() => CatalogSeed.AlbumInput("Album", 2000, ("Intro", "1:05"));

    private IReadOnlyList<FieldError> Validate(Action<AlbumInput> change)
    {
        var input = ValidAlbum();
        change(input);
        return CatalogRules.Validate(input, _clock);
    }

    private static FieldError Single(IReadOnlyList<FieldError> errors, string field) => Assert.Single(errors, e => e.Field == field);

    [Fact]
    public void AValidAlbumHasNoErrors() => Assert.Empty(CatalogRules.Validate(ValidAlbum(), _clock));

    [Theory]
    [InlineData(1950)]
    [InlineData(1925)]
    [InlineData(2028)]
    [InlineData(null)]
    public void YearOutsideAfter1950ToNextYearIsRefused(int? year)
    {
        var error = Single(Validate(a => a.YearReleased = year), nameof(AlbumInput.YearReleased));
        Assert.Contains("must be between 1950 and next year", error.Message);
    }

    [Theory]
    [InlineData(1951)]
    [InlineData(2026)]
    [InlineData(2027)]
    public void YearAfter1950UpToNextYearIsAccepted(int year) => Assert.Empty(Validate(a => a.YearReleased = year));

    [Fact]
    public void NextYearFollowsTheClock()
    {
        _clock.SetUtcNow(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Empty(Validate(a => a.YearReleased = 2031));
        Assert.NotEmpty(Validate(a => a.YearReleased = 2032));
    }

    [Theory]
    [InlineData("/images/test.jpg")]
    [InlineData("https://x.y/a.png")]
    [InlineData("https://x.y/A.JPG")]
    [InlineData(null)]
    [InlineData("")]
    public void CoverUrlUnderImagesOrHttpsEndingInPngOrJpgIsAccepted(string? url) =>
        Assert.Empty(Validate(a => a.CoverImageUrl = url));

    [Theory]
    [InlineData("notavalidURL")]
    [InlineData("/image/x.mp3")]
    [InlineData("/image/x.jpg")]
    [InlineData("/images/x.gif")]
    [InlineData("http://x.y/a.png")]
    [InlineData("https:// x.png")]
    public void OtherCoverUrlsAreRefused(string url)
    {
        var error = Single(Validate(a => a.CoverImageUrl = url), nameof(AlbumInput.CoverImageUrl));
        Assert.Equal(CatalogRules.CoverMessage, error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void AlbumNameIsRequired(string? name)
    {
        var error = Single(Validate(a => a.Name = name), nameof(AlbumInput.Name));
        Assert.Equal("Name is required", error.Message);
    }

    [Fact]
    public void AlbumNameIsAtMost200Characters()
    {
        Assert.Empty(Validate(a => a.Name = new string('a', 200)));
        var error = Single(Validate(a => a.Name = new string('a', 201)), nameof(AlbumInput.Name));
        Assert.Equal("Name must be at most 200 characters", error.Message);
    }

    [Fact]
    public void MalformedTrackDurationIsRefusedOnThatTrack()
    {
        var errors = Validate(a => a.Tracks.Add(new TrackInput { Name = "Second", Duration = "2m22" }));
        var error = Single(errors, nameof(TrackInput.Duration));
        Assert.Same(errors[0].Model, error.Model);
        Assert.Equal("Track 2 duration: use m:ss format", error.Message);
    }

    [Fact]
    public void TrackShorterThanOneSecondIsRefused()
    {
        var error = Single(Validate(a => a.Tracks[0].Duration = "0:00"), nameof(TrackInput.Duration));
        Assert.Equal("Track 1 duration must be at least 0:01", error.Message);
    }

    [Fact]
    public void TrackNameIsRequired()
    {
        var input = ValidAlbum();
        input.Tracks[0].Name = " ";
        var error = Assert.Single(CatalogRules.Validate(input, _clock));
        Assert.Same(input.Tracks[0], error.Model);
        Assert.Equal("Track 1 name is required", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void ArtistNameIsRequired(string? name)
    {
        var error = Assert.Single(CatalogRules.Validate(new ArtistInput { Name = name }));
        Assert.Equal((nameof(ArtistInput.Name), "Name is required"), (error.Field, error.Message));
    }

    [Fact]
    public void ArtistNameIsAtMost200Characters()
    {
        Assert.Empty(CatalogRules.Validate(new ArtistInput { Name = new string('n', 200) }));
        var error = Assert.Single(CatalogRules.Validate(new ArtistInput { Name = new string('n', 201) }));
        Assert.Equal("Name must be at most 200 characters", error.Message);
    }

    [Fact]
    public void BiographyIsAtMost4000Characters()
    {
        Assert.Empty(CatalogRules.Validate(new ArtistInput { Name = "A", Biography = new string('b', 4000) }));
        var error = Assert.Single(CatalogRules.Validate(new ArtistInput { Name = "A", Biography = new string('b', 4001) }));
        Assert.Equal((nameof(ArtistInput.Biography), "Biography must be at most 4000 characters"), (error.Field, error.Message));
    }
}
