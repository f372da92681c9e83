using System.Collections.Concurrent;

namespace MusicBlazor.TestSupport.Data;

/// <summary>The commands one async flow sent after <see cref="CommandCounter.Start"/>, until disposed.</summary>
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
