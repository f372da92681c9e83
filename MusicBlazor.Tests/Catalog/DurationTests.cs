using MusicBlazor.Catalog;

namespace MusicBlazor.Tests.Catalog;

public sealed class DurationTests
{
    [Theory]
    [InlineData(5421, "90:21")]
    [InlineData(142, "2:22")]
    [InlineData(60, "1:00")]
    [InlineData(9, "0:09")]
    [InlineData(0, "0:00")]
    public void FormatsAsMinutesAndTwoDigitSeconds(int seconds, string expected) =>
        Assert.Equal(expected, Duration.Format(seconds));

    [Theory]
    [InlineData("2:22", 142)]
    [InlineData("90:21", 5421)]
    [InlineData(" 0:01 ", 1)]
    [InlineData("0:00", 0)]
    public void ParsesMinutesAndSeconds(string text, int expected)
    {
        Assert.True(Duration.TryParse(text, out var seconds));
        Assert.Equal(expected, seconds);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("142")]
    [InlineData("2:2")]
    [InlineData("2:60")]
    [InlineData("2:222")]
    [InlineData("-1:00")]
    [InlineData("a:bc")]
    [InlineData("1:00:00")]
    public void RefusesAnythingButMinutesColonTwoDigitSeconds(string? text)
    {
        Assert.False(Duration.TryParse(text, out var seconds));
        Assert.Equal(0, seconds);
    }

    [Fact]
    public void FormatThenParseRoundTrips()
    {
        foreach (var seconds in new[] { 1, 59, 61, 3599, 5421, 359_999 })
        {
            Assert.True(Duration.TryParse(Duration.Format(seconds), out var parsed));
            Assert.Equal(seconds, parsed);
        }
    }
}
