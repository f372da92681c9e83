using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>Counts every database command EF executes through the app's contexts (added to the app's options).</summary>
internal sealed class CommandCounter : DbCommandInterceptor
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>The text of the last reader command, so a scenario can EXPLAIN exactly what EF sent.</summary>
    public string? LastReaderSql { get; private set; }

    public IReadOnlyList<(string Name, object? Value)> LastReaderParameters { get; private set; } = [];

    public bool CaptureSql { get; set; }

    /// <summary>When set, each command's start and end (reader closed, for queries) are recorded here.</summary>
    public List<CommandSpan>? Trace { get; set; }

    public override InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Ended(command);
        return result;
    }

    public override ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Ended(command);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Ended(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Ended(command);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Ended(command);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Ended(command);
        return ValueTask.FromResult(result);
    }

    private void Ended(DbCommand command)
    {
        if (Trace is { } trace && trace.FindLast(s => ReferenceEquals(s.Command, command) && s.End == 0) is { } span)
        {
            span.End = Stopwatch.GetTimestamp();
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Seen(command, isReader: true);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Seen(command, isReader: true);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Seen(command, isReader: false);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Seen(command, isReader: false);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Seen(command, isReader: false);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Seen(command, isReader: false);
        return ValueTask.FromResult(result);
    }

    private void Seen(DbCommand command, bool isReader)
    {
        Interlocked.Increment(ref _count);
        Trace?.Add(new CommandSpan(command, command.CommandText, Stopwatch.GetTimestamp()));
        if (CaptureSql && isReader)
        {
            LastReaderSql = command.CommandText;
            LastReaderParameters = command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList();
        }
    }
}

internal sealed class CommandSpan(DbCommand command, string sql, long start)
{
    public DbCommand Command => command;
    public string Sql => sql;
    public long Start => start;
    public long End { get; set; }
}
