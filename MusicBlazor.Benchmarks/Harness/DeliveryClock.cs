namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// Per repetition of a live-delivery measurement: when each of the subscribers' callbacks was entered (Stopwatch
/// timestamps), and a task that completes once all of them have finished their work.
/// </summary>
internal sealed class DeliveryClock(int subscribers)
{
    private readonly long[] _received = new long[subscribers];
    private int _handled;
    private TaskCompletionSource _allHandled = NewSignal();

    /// <summary>When each subscriber's callback was entered in this repetition (Stopwatch timestamps; 0 where it was not).</summary>
    public IReadOnlyList<long> Stamps => _received;

    /// <summary>Before a repetition: forgets the last one, and collects garbage so that no collection lands in the measured window.</summary>
    public void Reset()
    {
        Array.Clear(_received);
        _handled = 0;
        _allHandled = NewSignal();
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    /// <summary>Subscriber <paramref name="index"/>'s callback was entered at <paramref name="timestamp"/>.</summary>
    public void Received(int index, long timestamp) => _received[index] = timestamp;

    /// <summary>One subscriber's callback has done its work.</summary>
    public void Handled()
    {
        if (Interlocked.Increment(ref _handled) == _received.Length)
        {
            _allHandled.TrySetResult();
        }
    }

    public Task AllHandledAsync(TimeSpan timeout) => _allHandled.Task.WaitAsync(timeout);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
