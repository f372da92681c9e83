namespace MusicBlazor.Common;

public static class TextLength
{
    /// <summary><paramref name="text"/> cut to fit a column of <paramref name="length"/> characters, with an ellipsis when cut.</summary>
    public static string FitTo(this string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
