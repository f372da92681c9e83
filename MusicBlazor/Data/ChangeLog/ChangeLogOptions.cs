namespace MusicBlazor.Data.ChangeLog;

/// <summary>Settings under <c>ChangeLog</c> in appsettings.json.</summary>
public sealed class ChangeLogOptions
{
    public const string Section = "ChangeLog";

    /// <summary>How long committed changes stay in the log; older ones are pruned.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the log is checked for writes the app did not make itself (another program, the sqlite3 tool).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often pruning runs.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);
}
