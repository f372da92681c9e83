using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MusicBlazor.Tests.Infrastructure;

/// <summary>Counts the SQL commands EF sends from the async flow that called <see cref="Start"/>.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private readonly AsyncLocal<CommandCount?> _current = new();

    public CommandCount Start()
    {
        var count = new CommandCount();
        _current.Value = count;
        return count;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command) => _current.Value?.Add(command.CommandText);
}

public sealed class CommandCount : IDisposable
{
    private readonly ConcurrentQueue<string> _commands = new();
    private volatile bool _stopped;

    public IReadOnlyList<string> Commands => _commands.ToArray();
    public int Count => _commands.Count;

    internal void Add(string sql)
    {
        if (!_stopped)
        {
            _commands.Enqueue(sql);
        }
    }

    public void Dispose() => _stopped = true;
}
