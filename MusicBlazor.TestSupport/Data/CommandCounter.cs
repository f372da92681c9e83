using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MusicBlazor.TestSupport.Data;

/// <summary>
/// Counts every database command EF executes through the contexts it is added to, and on request records more:
/// the commands of one async flow (<see cref="Start"/>), the text of the last query (<see cref="CaptureSql"/>),
/// or each command's start and end (<see cref="Trace"/>).
/// </summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private readonly AsyncLocal<CommandCount?> _current = new();
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>When set, the text of the last reader command is kept, so that its plan can be asked for.</summary>
    public bool CaptureSql { get; set; }

    public string? LastReaderSql { get; private set; }

    public IReadOnlyList<(string Name, object? Value)> LastReaderParameters { get; private set; } = [];

    /// <summary>While <see cref="CaptureSql"/> is set, every reader command in the order sent (cleared by the caller).</summary>
    public List<(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)> CapturedReaders { get; } = [];

    /// <summary>When set, each command's start and end (reader closed, for queries) are recorded here.</summary>
    public List<CommandSpan>? Trace { get; set; }

    /// <summary>Collects the commands sent from the calling async flow (and flows it starts) until disposed.</summary>
    public CommandCount Start()
    {
        var count = new CommandCount();
        _current.Value = count;
        return count;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Started(command, isReader: true);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Started(command, isReader: true);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Started(command, isReader: false);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Started(command, isReader: false);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Started(command, isReader: false);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Started(command, isReader: false);
        return ValueTask.FromResult(result);
    }

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

    private void Started(DbCommand command, bool isReader)
    {
        Interlocked.Increment(ref _count);
        _current.Value?.Add(command.CommandText);
        Trace?.Add(new CommandSpan(command, command.CommandText, Stopwatch.GetTimestamp()));
        if (CaptureSql && isReader)
        {
            LastReaderSql = command.CommandText;
            LastReaderParameters = command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList();
            CapturedReaders.Add((LastReaderSql, LastReaderParameters));
        }
    }

    private void Ended(DbCommand command)
    {
        if (Trace is { } trace && trace.FindLast(s => ReferenceEquals(s.Command, command) && s.End == 0) is { } span)
        {
            span.End = Stopwatch.GetTimestamp();
        }
    }
}
