namespace MusicBlazor.Notifications.Email;

/// <summary>Settings under <c>FollowerEmails</c> in appsettings.json.</summary>
public sealed class FollowerEmailOptions
{
    public const string Section = "FollowerEmails";

    /// <summary>The hour (UTC, 0–23) the daily digests go out; a digest lists the albums of the 24 hours before it.</summary>
    public int DigestHourUtc { get; set; } = 7;

    /// <summary>How often the digest sender looks whether digests are due (also retrying one whose send failed).</summary>
    public TimeSpan DigestCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}
