namespace MusicBlazor.Components.Layout.Theme;

/// <summary>The visitor's theme choice, kept in a cookie so that static pages can read it too.</summary>
public static class ThemeCookie
{
    public const string Name = "mb-theme";

    /// <summary>A year, as the choice is a preference, not a session.</summary>
    public const int MaxAgeSeconds = 365 * 24 * 60 * 60;

    public static ThemeChoice Read(HttpRequest request) => Parse(request.Cookies[Name]);

    public static ThemeChoice Parse(string? value) => value switch
    {
        "light" => ThemeChoice.Light,
        "dark" => ThemeChoice.Dark,
        _ => ThemeChoice.System,
    };

    public static string? Format(ThemeChoice choice) => choice switch
    {
        ThemeChoice.Light => "light",
        ThemeChoice.Dark => "dark",
        _ => null,
    };
}
