using MudBlazor;

namespace MusicBlazor.Components.Layout.Theme;

/// <summary>MusicBlazor's look: a dark top bar and a violet accent, in a light and a dark palette.</summary>
public static class AppTheme
{
    /// <summary>On the document element while the dark palette applies (see App.razor).</summary>
    public const string DarkClass = "mb-dark";

    // A system font stack: no font is fetched from another origin, and every script in the demo data has glyphs.
    private static readonly string[] FontFamily =
        ["system-ui", "-apple-system", "Segoe UI", "Noto Sans", "Noto Sans CJK JP", "Helvetica", "Arial", "sans-serif"];

    /// <summary>The theme, its CSS custom properties drawn on <c>:root</c>.</summary>
    public static MudTheme Theme { get; } = Create(":root");

    /// <summary>The same theme with its custom properties drawn on <c>:root.mb-dark</c>: the dark palette's scope.</summary>
    public static MudTheme DarkScoped { get; } = Create($":root.{DarkClass}");

    private static MudTheme Create(string scope) => new()
    {
        PseudoCss = new PseudoCss { Scope = scope },
        PaletteLight = new PaletteLight
        {
            Primary = "#5b3cc4",
            PrimaryDarken = "#432a9a",
            Secondary = "#7a5af8",
            AppbarBackground = "#201a3a",
            AppbarText = "#ffffff",
            Background = "#f6f4fb",
            Surface = "#ffffff",
            TextPrimary = "#1f1d2b",
            TextSecondary = "#5f5b73",
            LinesDefault = "#dcd7ea",
            Error = "#b3261e",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#b9a4ff",
            PrimaryContrastText = "#1b1530",
            PrimaryDarken = "#9d85f5",
            Secondary = "#cbbcff",
            AppbarBackground = "#15112a",
            AppbarText = "#ffffff",
            Background = "#121018",
            Surface = "#1d1a28",
            TextPrimary = "#ece9f6",
            TextSecondary = "#b3aec8",
            LinesDefault = "#3a3550",
            Error = "#ff8a80",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontFamily },
            H1 = new H1Typography { FontFamily = FontFamily, FontSize = "2rem", FontWeight = "700", LineHeight = "1.25" },
            H2 = new H2Typography { FontFamily = FontFamily, FontSize = "1.35rem", FontWeight = "600", LineHeight = "1.3" },
            H3 = new H3Typography { FontFamily = FontFamily, FontSize = "1.15rem", FontWeight = "600", LineHeight = "1.3" },
            Button = new ButtonTypography { FontFamily = FontFamily, TextTransform = "none", FontWeight = "600" },
        },
    };
}
