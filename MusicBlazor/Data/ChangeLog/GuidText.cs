namespace MusicBlazor.Data.ChangeLog;

/// <summary>A Guid as EF Core's SQLite provider stores it (upper-case text), for SQL written by hand.</summary>
internal static class GuidText
{
    public static string Of(Guid id) => id.ToString().ToUpperInvariant();
}
