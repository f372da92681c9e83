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
    [InlineData(1949)]
    [InlineData(1925)]
    [InlineData(2028)]
    [InlineData(null)]
    public void YearOutside1950ToNextYearIsRefused(int? year)
    {
        var error = Single(Validate(a => a.YearReleased = year), nameof(AlbumInput.YearReleased));
        Assert.Equal("Year released must be between 1950 and next year", error.Message);
    }

    // The message says "between 1950 and next year": both ends are included.
    [Theory]
    [InlineData(1950)]
    [InlineData(1951)]
    [InlineData(2026)]
    [InlineData(2027)]
    public void Year1950UpToNextYearIsAccepted(int year) => Assert.Empty(Validate(a => a.YearReleased = year));

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

    [Theory]
    [InlineData("0:00")]
    [InlineData("100:00")]
    [InlineData("9999:59")]
    public void TrackDurationOutside0_01To99_59IsRefused(string duration)
    {
        var error = Single(Validate(a => a.Tracks[0].Duration = duration), nameof(TrackInput.Duration));
        Assert.Equal("Track 1 duration must be between 0:01 and 99:59", error.Message);
    }

    [Theory]
    [InlineData("0:01")]
    [InlineData("99:59")]
    public void TrackDurationFrom0_01To99_59IsAccepted(string duration) => Assert.Empty(Validate(a => a.Tracks[0].Duration = duration));

    [Fact]
    public void AnAlbumHasAtMost100Tracks()
    {
        Assert.Empty(Validate(a => a.Tracks = Tracks(100)));

        var input = ValidAlbum();
        input.Tracks = Tracks(101);
        var error = Assert.Single(CatalogRules.Validate(input, _clock));
        Assert.Equal((input, nameof(AlbumInput.Tracks), "An album can have at most 100 tracks"), (error.Model, error.Field, error.Message));
    }

    private static List<TrackInput> Tracks(int count) =>
        Enumerable.Range(1, count).Select(i => new TrackInput { Name = $"Track {i}", Duration = "3:00" }).ToList();

    [Fact]
    public void TrackNameIsAtMost200Characters()
    {
        Assert.Empty(Validate(a => a.Tracks[0].Name = new string('t', 200)));
        var error = Single(Validate(a => a.Tracks[0].Name = new string('t', 201)), nameof(TrackInput.Name));
        Assert.Equal("Track 1 name must be at most 200 characters", error.Message);
    }

    [Fact]
    public void CoverUrlIsAtMost2048Characters()
    {
        static string Url(int length) => "https://x.y/" + new string('a', length - "https://x.y/.png".Length) + ".png";
        Assert.Empty(Validate(a => a.CoverImageUrl = Url(2048)));
        var error = Single(Validate(a => a.CoverImageUrl = Url(2049)), nameof(AlbumInput.CoverImageUrl));
        Assert.Equal("Cover image URL must be at most 2048 characters", error.Message);
    }

    [Fact]
    public void AnOverlongTrackDurationIsAFormatError()
    {
        var error = Single(Validate(a => a.Tracks[0].Duration = new string('9', 30_000)), nameof(TrackInput.Duration));
        Assert.Equal("Track 1 duration: use m:ss format", error.Message);
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
