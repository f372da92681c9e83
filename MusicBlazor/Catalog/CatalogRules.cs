using System.Text.RegularExpressions;
using MusicBlazor.Common;

namespace MusicBlazor.Catalog;

/// <summary>
/// The field rules for artists and albums, written once: the services refuse input that breaks them and the
/// forms show the same messages next to the fields (see <c>RulesValidator</c>).
/// </summary>
public static partial class CatalogRules
{
    public const int EarliestYear = 1950;
    public const string YearMessage = "Year released must be between 1950 and next year";
    public const string CoverMessage = "Cover image URL must start with https:// or /images/ and end in .png or .jpg";

    public static IReadOnlyList<FieldError> Validate(ArtistInput input)
    {
        var errors = new List<FieldError>();
        RequireText(errors, input, nameof(ArtistInput.Name), "Name", input.Name, Artist.NameMaxLength);
        if (input.Biography?.Length > Artist.BiographyMaxLength)
        {
            errors.Add(new(input, nameof(ArtistInput.Biography), $"Biography must be at most {Artist.BiographyMaxLength} characters"));
        }

        return errors;
    }

    public static IReadOnlyList<FieldError> Validate(AlbumInput input, TimeProvider clock)
    {
        var errors = new List<FieldError>();
        RequireText(errors, input, nameof(AlbumInput.Name), "Name", input.Name, Album.NameMaxLength);

        var nextYear = clock.GetUtcNow().Year + 1;
        if (input.YearReleased is not { } year || year <= EarliestYear || year > nextYear)
        {
            errors.Add(new(input, nameof(AlbumInput.YearReleased), YearMessage));
        }

        if (!string.IsNullOrWhiteSpace(input.CoverImageUrl) && !CoverImageUrl().IsMatch(input.CoverImageUrl.Trim()))
        {
            errors.Add(new(input, nameof(AlbumInput.CoverImageUrl), CoverMessage));
        }

        for (var i = 0; i < input.Tracks.Count; i++)
        {
            var track = input.Tracks[i];
            RequireText(errors, track, nameof(TrackInput.Name), $"Track {i + 1} name", track.Name, Album.NameMaxLength);
            if (!Duration.TryParse(track.Duration, out var seconds))
            {
                errors.Add(new(track, nameof(TrackInput.Duration), $"Track {i + 1} duration: {Duration.FormatMessage}"));
            }
            else if (seconds < 1)
            {
                errors.Add(new(track, nameof(TrackInput.Duration), $"Track {i + 1} duration must be at least 0:01"));
            }
        }

        return errors;
    }

    public static FieldError DuplicateAlbumName(AlbumInput input) =>
        new(input, nameof(AlbumInput.Name), $"An album named \"{input.Name?.Trim()}\" already exists for this artist");

    private static void RequireText(List<FieldError> errors, object model, string field, string label, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(model, field, $"{label} is required"));
        }
        else if (value.Trim().Length > maxLength)
        {
            errors.Add(new(model, field, $"{label} must be at most {maxLength} characters"));
        }
    }

    [GeneratedRegex(@"^(https://|/images/)\S+\.(png|jpg)$", RegexOptions.IgnoreCase)]
    private static partial Regex CoverImageUrl();
}
