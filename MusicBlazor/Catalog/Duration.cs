using System.Globalization;
using System.Text.RegularExpressions;

namespace MusicBlazor.Catalog;

/// <summary>Track and album durations are entered and shown as m:ss (minutes may exceed 59: 5421 s is "90:21").</summary>
public static partial class Duration
{
    public const string FormatMessage = "use m:ss format";

    public static string Format(int totalSeconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{totalSeconds / 60}:{totalSeconds % 60:00}");

    public static bool TryParse(string? text, out int totalSeconds)
    {
        totalSeconds = 0;
        var match = text is null ? Match.Empty : MinutesSeconds().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        totalSeconds = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture) * 60
            + int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
        return true;
    }

    [GeneratedRegex(@"^(\d{1,4}):([0-5]\d)$")]
    private static partial Regex MinutesSeconds();
}
