namespace MusicBlazor.Subscribers;

/// <summary>Settings under <c>Subscribers</c> in appsettings.json.</summary>
public sealed class SubscriberOptions
{
    public const string Section = "Subscribers";

    /// <summary>Attempts at one change before it is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait after the first failed attempt; it doubles after each further one.</summary>
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Changes read per batch; the position is saved after each batch.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How often an idle subscriber looks at the log without being woken (changes from other servers, other programs).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a server that does not hold a subscriber's lease tries to take it over (PostgreSQL).</summary>
    public TimeSpan LeaseRetry { get; set; } = TimeSpan.FromSeconds(2);
}
