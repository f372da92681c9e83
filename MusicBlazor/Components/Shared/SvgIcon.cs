using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace MusicBlazor.Components.Shared;

/// <summary>
/// A MudBlazor SVG icon (<c>Icons.Material.*</c>) as plain, decorative markup: the same element and classes
/// <c>MudIcon</c> renders, without a component. Every component instance costs a circuit two render-tree buffers
/// for as long as the page is open, so where an icon is only decoration (no click, no tooltip) it is written as
/// markup; the strings are cached, so every circuit's render tree points at the same one.
/// </summary>
public static class SvgIcon
{
    private static readonly ConcurrentDictionary<(string Icon, string Size, string? Class), MarkupString> Cache = new();

    public static MarkupString Small(string icon, string? cssClass = null) => Of(icon, "small", cssClass);

    public static MarkupString Medium(string icon, string? cssClass = null) => Of(icon, "medium", cssClass);

    private static MarkupString Of(string icon, string size, string? cssClass) =>
        Cache.GetOrAdd((icon, size, cssClass), key => new MarkupString(
            $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-{key.Size}{(key.Class is null ? "" : " " + key.Class)}\" focusable=\"false\" "
            + $"viewBox=\"0 0 24 24\" aria-hidden=\"true\">{key.Icon}</svg>"));
}
