namespace MusicBlazor.Common;

public static class RelativeTime
{
    public static string Format(DateTime utc, DateTimeOffset now)
    {
        var elapsed = now.UtcDateTime - DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return elapsed switch
        {
            { TotalMinutes: < 1 } => "just now",
            { TotalHours: < 1 } => Plural((int)elapsed.TotalMinutes, "minute"),
            { TotalDays: < 1 } => Plural((int)elapsed.TotalHours, "hour"),
            { TotalDays: < 30 } => Plural((int)elapsed.TotalDays, "day"),
            _ => $"on {utc:d MMM yyyy}",
        };
    }

    private static string Plural(int count, string unit) => count == 1 ? $"1 {unit} ago" : $"{count} {unit}s ago";
}
