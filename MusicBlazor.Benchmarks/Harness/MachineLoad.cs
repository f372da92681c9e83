using System.Globalization;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>The machine's load average (Linux /proc/loadavg): how busy the shared cores were while a scenario ran.</summary>
internal static class MachineLoad
{
    public static double OneMinute()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return double.NaN;
        }
    }

    /// <summary>Adds the row to the report with a quick run's note, if any, and the load average now (as the scenario ends).</summary>
    public static void Add(Report report, ResultRow row, string? quickRunNote = null)
    {
        if (quickRunNote is not null)
        {
            row.Notes.Add(quickRunNote);
        }

        var load = OneMinute();
        row.Figures["loadAverage1m"] = load;
        row.Notes.Add($"Load average (1 min) as the scenario ended: {load.ToString("0.0", CultureInfo.InvariantCulture)} on {Environment.ProcessorCount} cores.");
        report.Rows.Add(row);
    }
}
