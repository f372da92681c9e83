namespace MusicBlazor.Components.Layout.Theme;

/// <summary>Light or dark, or whatever the operating system prefers (the default).</summary>
public enum ThemeChoice
{
    System,
    Light,
    Dark,
}
