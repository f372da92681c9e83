using System.Collections.Concurrent;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Subscribers;

namespace MusicBlazor.Tests.Subscribers;

/// <summary>
/// A background subscriber whose effect is a record keyed by log sequence (so a replay writes nothing twice), and
/// which counts every call: what a real subscriber's idempotent effects and its attempts would show.
/// </summary>
public sealed class RecordingSubscriber(string name, bool receivesSuppressed = false) : IChangeSubscriber
{
    private readonly ConcurrentDictionary<long, ChangeEvent> _effects = new();
    private readonly ConcurrentDictionary<long, int> _calls = new();

    public string Name => name;
    public bool ReceivesSuppressed => receivesSuppressed;

    /// <summary>Runs before the effect is recorded; a throw stands for a failure.</summary>
    public Func<ChangeEvent, CancellationToken, Task>? Before { get; set; }

    public IReadOnlyList<ChangeEvent> Effects => _effects.Values.OrderBy(e => e.Sequence).ToList();

    public int CallsFor(long sequence) => _calls.GetValueOrDefault(sequence);

    public async Task HandleAsync(ChangeEvent change, CancellationToken cancellationToken)
    {
        _calls.AddOrUpdate(change.Sequence, 1, (_, calls) => calls + 1);
        if (Before is { } before)
        {
            await before(change, cancellationToken);
        }

        _effects.TryAdd(change.Sequence, change);
    }
}
