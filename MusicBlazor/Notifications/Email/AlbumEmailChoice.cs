namespace MusicBlazor.Notifications.Email;

/// <summary>How a user hears by e-mail about new albums from the artists they follow (a column of their account).</summary>
public enum AlbumEmailChoice
{
    /// <summary>No e-mail: the default, so a new account opts in on its Manage page.</summary>
    Never = 0,

    /// <summary>One e-mail per album, as soon as it is saved.</summary>
    AtOnce = 1,

    /// <summary>One e-mail a day listing the day's albums (<see cref="FollowerEmailOptions.DigestHourUtc"/>).</summary>
    DailyDigest = 2,
}
