namespace MusicBlazor.Subscribers;

/// <summary>A change a subscriber failed to handle after its last attempt; it went on with the changes behind it.</summary>
public sealed class DeadLetter
{
    public const int ErrorMaxLength = 2000;

    public long Id { get; init; }
    public required string Subscriber { get; init; }
    public long Sequence { get; init; }
    public int Attempts { get; init; }
    public required string Error { get; init; }
    public DateTime At { get; init; }
}
