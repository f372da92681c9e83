namespace MusicBlazor.Subscribers;

public enum SubscriberState
{
    Starting,

    /// <summary>This server runs it.</summary>
    Running,

    /// <summary>Another server holds its lease; this one takes over if that one stops.</summary>
    Standby,

    /// <summary>Retrying a change that failed.</summary>
    Retrying,

    Stopped,
}

/// <summary>What one subscriber is doing on this server, for /health, the System page and the metrics.</summary>
public sealed class SubscriberStatus(string name)
{
    private long _position;
    private long _handled;
    private long _deadLettered;

    private volatile SubscriberState _state = SubscriberState.Starting;

    public string Name => name;

    public SubscriberState State
    {
        get => _state;
        internal set => _state = value;
    }

    public long Position => Interlocked.Read(ref _position);
    public long Handled => Interlocked.Read(ref _handled);

    /// <summary>Dead letters written by this server since it started (the database holds them all).</summary>
    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    internal void MovedTo(long position) => Interlocked.Exchange(ref _position, position);
    internal void CountHandled() => Interlocked.Increment(ref _handled);
    internal void CountDeadLetter() => Interlocked.Increment(ref _deadLettered);
}
