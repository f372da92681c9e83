using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// A logger provider added to the app under load: counts what the server reported going wrong. SQLite busy or
/// locked errors (SQLITE_BUSY 5, SQLITE_LOCKED 6, in the logged exception or message), errors logged by the
/// circuits and their SignalR hub (Microsoft.AspNetCore.Components.*, Microsoft.AspNetCore.SignalR.*), and every
/// other error. Exceptions the benchmark itself caught (an editor's failed save) are added with <see cref="Count"/>.
/// </summary>
internal sealed class ServerProblems : ILoggerProvider
{
    private const int KeptMessages = 20;
    private readonly ConcurrentQueue<string> _messages = new();
    private int _sqliteBusy;
    private int _circuitErrors;
    private int _errors;
    private int _warnings;

    public int SqliteBusy => Volatile.Read(ref _sqliteBusy);
    public int CircuitErrors => Volatile.Read(ref _circuitErrors);
    public int Errors => Volatile.Read(ref _errors);
    public int Warnings => Volatile.Read(ref _warnings);

    /// <summary>The first errors and busy reports, for the JSON.</summary>
    public IReadOnlyCollection<string> Messages => _messages;

    public static bool IsBusy(Exception? exception, string message = "")
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: 5 or 6 })
            {
                return true;
            }
        }

        return message.Contains("database is locked", StringComparison.OrdinalIgnoreCase)
            || message.Contains("database table is locked", StringComparison.OrdinalIgnoreCase);
    }

    public void Count(string category, LogLevel level, string message, Exception? exception)
    {
        var busy = IsBusy(exception, message);
        if (busy)
        {
            Interlocked.Increment(ref _sqliteBusy);
        }

        if (level >= LogLevel.Error)
        {
            Interlocked.Increment(ref _errors);
            if (category.StartsWith("Microsoft.AspNetCore.Components", StringComparison.Ordinal)
                || category.StartsWith("Microsoft.AspNetCore.SignalR", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _circuitErrors);
            }
        }
        else if (level == LogLevel.Warning)
        {
            Interlocked.Increment(ref _warnings);
        }

        if ((busy || level >= LogLevel.Error) && _messages.Count < KeptMessages)
        {
            _messages.Enqueue($"{level} {category}: {message} {exception?.GetType().Name}: {exception?.Message}".Trim());
        }
    }

    public ILogger CreateLogger(string categoryName) => new Counter(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Counter(ServerProblems problems, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                problems.Count(category, logLevel, formatter(state, exception), exception);
            }
        }
    }
}
