using AngleSharp.Dom;

namespace MusicBlazor.Tests.Infrastructure;

/// <summary>Names elements the way assistive technology does: aria-label first, else text outside aria-hidden parts.</summary>
public static class AccessibleNames
{
    public static string AccessibleName(this IElement element) =>
        element.GetAttribute("aria-label") ?? Normalize(VisibleText(element));

    private static string VisibleText(INode node) => node switch
    {
        IElement e when e.GetAttribute("aria-hidden") == "true" => " ",
        IElement e => string.Concat(e.ChildNodes.Select(VisibleText)),
        _ => node.TextContent,
    };

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
