using System.Text.RegularExpressions;
using MusicBlazor.Common;

namespace MusicBlazor.Catalog;

/// <summary>
/// The field rules for artists and albums, written once: the services refuse input that breaks them and the
/// forms show the same messages next to the fields (see <c>RulesValidator</c>).
/// </summary>
public static partial class CatalogRules
{
    public static readonly string YearMessage = $"Year released must be between {Album.EarliestYear} and next year";
    public static readonly string TooManyTracksMessage = $"An album can have at most {Album.MaxTracks} tracks";
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
        if (input.YearReleased is not { } year || year < Album.EarliestYear || year > nextYear)
        {
            errors.Add(new(input, nameof(AlbumInput.YearReleased), YearMessage));
        }

        if (input.CoverImageUrl?.Trim().Length > Album.CoverImageUrlMaxLength)
        {
            errors.Add(new(input, nameof(AlbumInput.CoverImageUrl), $"Cover image URL must be at most {Album.CoverImageUrlMaxLength} characters"));
        }
        else if (!string.IsNullOrWhiteSpace(input.CoverImageUrl) && !CoverImageUrl().IsMatch(input.CoverImageUrl.Trim()))
        {
            errors.Add(new(input, nameof(AlbumInput.CoverImageUrl), CoverMessage));
        }

        // One message for the list rather than one per track: a flood of tracks is refused before any is looked at.
        if (input.Tracks.Count > Album.MaxTracks)
        {
            errors.Add(new(input, nameof(AlbumInput.Tracks), TooManyTracksMessage));
            return errors;
        }

        for (var i = 0; i < input.Tracks.Count; i++)
        {
            ValidateTrack(errors, input.Tracks[i], i + 1);
        }

        return errors;
    }

    private static void ValidateTrack(List<FieldError> errors, TrackInput track, int number)
    {
        RequireText(errors, track, nameof(TrackInput.Name), $"Track {number} name", track.Name, Track.NameMaxLength);
        if (!Duration.TryParse(track.Duration, out var seconds))
        {
            errors.Add(new(track, nameof(TrackInput.Duration), $"Track {number} duration: {Duration.FormatMessage}"));
        }
        else if (seconds < 1 || seconds > Track.MaxDurationSeconds)
        {
            errors.Add(new(track, nameof(TrackInput.Duration),
                $"Track {number} duration must be between 0:01 and {Duration.Format(Track.MaxDurationSeconds)}"));
        }
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
