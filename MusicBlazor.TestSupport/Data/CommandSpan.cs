using System.Data.Common;

namespace MusicBlazor.TestSupport.Data;

/// <summary>One traced command: Stopwatch timestamps of its start and end (0 until it ended).</summary>
public sealed class CommandSpan(DbCommand command, string sql, long start)
{
    public DbCommand Command => command;
    public string Sql => sql;
    public long Start => start;
    public long End { get; set; }
}
