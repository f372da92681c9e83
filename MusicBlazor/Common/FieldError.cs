namespace MusicBlazor.Common;

/// <summary>A rule broken by one field of an input model; <see cref="Model"/> is the object that owns the field.</summary>
public sealed record FieldError(object Model, string Field, string Message);
