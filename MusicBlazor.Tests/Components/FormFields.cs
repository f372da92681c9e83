using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace MusicBlazor.Tests.Components;

/// <summary>Finds form inputs by their label and reads the message shown under them, as a screen reader would.</summary>
public static class FormFields
{
    public static IElement[] InputsLabelled<T>(this IRenderedComponent<T> component, string label)
        where T : IComponent =>
        component.FindAll("label")
            .Where(l => l.TextContent.Trim() == label)
            .Select(l => component.Find($"[id='{l.GetAttribute("for")}']"))
            .ToArray();

    public static IElement InputLabelled<T>(this IRenderedComponent<T> component, string label)
        where T : IComponent =>
        Assert.Single(component.InputsLabelled(label));

    /// <summary>The error the input is marked with and described by; null when it is valid.</summary>
    public static string? ErrorUnder<T>(this IRenderedComponent<T> component, IElement input)
        where T : IComponent =>
        input.GetAttribute("aria-invalid") == "true" && input.GetAttribute("aria-describedby") is { } id
            ? component.Find($"[id='{id}']").TextContent.Trim()
            : null;

    public static string? ErrorUnder<T>(this IRenderedComponent<T> component, string label)
        where T : IComponent =>
        component.ErrorUnder(component.InputLabelled(label));
}
