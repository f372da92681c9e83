namespace MusicBlazor.Subscribers;

/// <summary>How far one <see cref="IChangeSubscriber"/> has read the change log: every change up to <see cref="Position"/> is handled.</summary>
public sealed class SubscriberPosition
{
    public const int NameMaxLength = 100;

    public required string Name { get; init; }
    public long Position { get; set; }
    public DateTime UpdatedAt { get; set; }
}
