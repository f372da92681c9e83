namespace MusicBlazor.Notifications.Email;

/// <summary>
/// One album's e-mail to one user: at most one row per pair (the key), so mail about an album cannot leave twice for
/// the same user. A row is pending (<see cref="ClaimedAt"/> null), claimed by one sender (<see cref="ClaimId"/>,
/// committed before anything is sent) or done (<see cref="SentAt"/>: sent, or nothing left to send). A claim whose
/// send failed is released, i.e. pending again. See <see cref="AlbumEmailClaims"/>.
/// </summary>
public sealed class AlbumEmail
{
    public Guid UserId { get; init; }
    public Guid AlbumId { get; init; }

    /// <summary>Waits for the daily digest rather than going out at once.</summary>
    public bool InDigest { get; init; }

    public DateTime CreatedAt { get; init; }
    public Guid? ClaimId { get; set; }
    public DateTime? ClaimedAt { get; set; }
    public DateTime? SentAt { get; set; }
}
