using System.Text.Json;

namespace MusicBlazor.Data.ChangeLog;

/// <summary>One captured field of a logged row: its value before and after (null when absent: a create or a delete).</summary>
public sealed record FieldChange(string Field, string? Old, string? New)
{
    /// <summary>The fields of <see cref="ChangeEvent.Fields"/>, in the order the trigger wrote them; none when it has none.</summary>
    public static IReadOnlyList<FieldChange> Parse(string? fields)
    {
        if (string.IsNullOrEmpty(fields))
        {
            return [];
        }

        using var json = JsonDocument.Parse(fields);
        return json.RootElement.EnumerateObject()
            .Select(field => new FieldChange(field.Name, Text(field.Value[0]), Text(field.Value[1])))
            .ToList();
    }

    /// <summary>The field's newest known value: the new one, or the old one of a deleted row.</summary>
    public static string? Latest(IReadOnlyList<FieldChange> fields, string field) =>
        fields.FirstOrDefault(f => f.Field == field) is { } found ? found.New ?? found.Old : null;

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}
