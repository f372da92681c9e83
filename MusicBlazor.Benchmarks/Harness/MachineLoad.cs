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

    /// <summary>Records the load average now (as a scenario ends) in the row's figures and notes.</summary>
    public static void Note(ResultRow row)
    {
        var load = OneMinute();
        row.Figures["loadAverage1m"] = load;
        row.Notes.Add($"Load average (1 min) as the scenario ended: {load.ToString("0.0", CultureInfo.InvariantCulture)} on {Environment.ProcessorCount} cores.");
    }
}
