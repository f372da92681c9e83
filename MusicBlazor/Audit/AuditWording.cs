using System.Text.Json;
using MusicBlazor.Common;
using MusicBlazor.Data.ChangeLog;

namespace MusicBlazor.Audit;

/// <summary>How the Audit log page words an entry: record kinds, operations and fields in plain words.</summary>
public static class AuditWording
{
    public const int ValueMaxLength = 120;

    public static string Entity(EntityKind entity) => entity switch
    {
        EntityKind.Follow => "Follow",
        EntityKind.User => "Account",
        _ => entity.ToString(),
    };

    public static string Operation(AuditEntry entry) => (entry.Entity, entry.Operation) switch
    {
        (EntityKind.Follow, ChangeOperation.Created) => "Followed",
        (EntityKind.Follow, ChangeOperation.Deleted) => "Unfollowed",
        (_, var operation) => operation.ToString(),
    };

    /// <summary>What was changed, after the operation: "album Promises by Floating Points"; a follow names its artist.</summary>
    public static string What(AuditEntry entry) =>
        entry.Entity == EntityKind.Follow ? entry.Subject : $"{Entity(entry.Entity).ToLowerInvariant()} {entry.Subject}";

    /// <summary>
    /// The entry's fields worth a line: a created or deleted record's empty fields say nothing, and its artist is
    /// already in its description.
    /// </summary>
    public static IEnumerable<FieldChange> Shown(AuditEntry entry) =>
        FieldChange.Parse(entry.Changes).Where(f => entry.Operation == ChangeOperation.Updated
            || (Value(f.Field, f.New ?? f.Old) != Empty && f.Field != "ArtistId"));

    /// <summary>One field as a line: "Name: Before → After" for an update, "Name: After" for a create or delete.</summary>
    public static string Line(AuditEntry entry, FieldChange field) => entry.Operation == ChangeOperation.Updated
        ? $"{Field(field.Field)}: {Value(field.Field, field.Old)} → {Value(field.Field, field.New)}"
        : $"{Field(field.Field)}: {Value(field.Field, field.New ?? field.Old)}";

    /// <summary>The same, uncut, for a tooltip.</summary>
    public static string Full(AuditEntry entry, FieldChange field) => entry.Operation == ChangeOperation.Updated
        ? $"{Field(field.Field)}: {field.Old ?? Empty} → {field.New ?? Empty}"
        : $"{Field(field.Field)}: {field.New ?? field.Old}";

    private const string Empty = "—";

    public static string Field(string field) => field switch
    {
        "YearReleased" => "Year",
        "DurationSeconds" => "Duration",
        "Order" => "Position",
        "CoverImageUrl" => "Cover image",
        "PreviousNames" => "Former names",
        "ArtistId" => "Artist",
        "UserName" => "User name",
        "EmailConfirmed" => "E-mail confirmed",
        "LockoutEnd" => "Locked until",
        "Email" => "E-mail",
        _ => field,
    };

    /// <summary>A value as the page shows it; an empty one as a dash.</summary>
    public static string Value(string field, string? value) => value switch
    {
        null or "" => Empty,
        _ when field == "DurationSeconds" && int.TryParse(value, out var seconds) => $"{seconds / 60}:{seconds % 60:00}",
        _ when field == "EmailConfirmed" => value is "1" or "true" ? "yes" : "no",
        _ when field == "PreviousNames" => Names(value),
        _ => value.FitTo(ValueMaxLength),
    };

    // A JSON array of names (both providers store the list as JSON).
    private static string Names(string json)
    {
        try
        {
            var names = JsonSerializer.Deserialize<string[]>(json) ?? [];
            return names.Length == 0 ? Empty : string.Join(", ", names).FitTo(ValueMaxLength);
        }
        catch (JsonException)
        {
            return json.FitTo(ValueMaxLength);
        }
    }
}
