namespace MusicBlazor.Subscribers;

/// <summary>
/// Wakes every idle subscriber when the change log's follower has published new changes. Unlike the follower's own
/// doorbell it has many listeners: each waits for the next ring (or its poll interval).
/// </summary>
public sealed class SubscriberDoorbell
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Ring() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>The next ring, to be awaited with a timeout. Take it before reading the log, so no ring falls between.</summary>
    public Task Next => Volatile.Read(ref _next).Task;
}
