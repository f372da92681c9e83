namespace MusicBlazor.Common;

/// <summary>How long someone has to wait, in words: "15 minutes", "1 minute", "40 seconds" (rounded up).</summary>
public static class WaitTime
{
    public static string Format(TimeSpan wait)
    {
        if (wait < TimeSpan.FromMinutes(1))
        {
            return Plural(Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)), "second");
        }

        if (wait < TimeSpan.FromHours(2))
        {
            return Plural((int)Math.Ceiling(wait.TotalMinutes), "minute");
        }

        return Plural((int)Math.Ceiling(wait.TotalHours), "hour");
    }

    private static string Plural(int count, string unit) => count == 1 ? $"1 {unit}" : $"{count} {unit}s";
}
