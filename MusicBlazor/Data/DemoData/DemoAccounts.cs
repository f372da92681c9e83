using Microsoft.AspNetCore.Identity;
using MusicBlazor.Accounts;
using MusicBlazor.Notifications.Email;

namespace MusicBlazor.Data.DemoData;

/// <summary>
/// Development-only accounts, one per role, already confirmed (see the README's table). The user account, the demo's
/// follower, gets e-mails about new albums at once, so the development mailbox shows them.
/// </summary>
public static class DemoAccounts
{
    public const string AdminEmail = "admin@musicblazor.test";
    public const string EditorEmail = "editor@musicblazor.test";
    public const string UserEmail = "user@musicblazor.test";

    public static IReadOnlyList<(string Email, string Role)> All { get; } =
        [(AdminEmail, Roles.Admin), (EditorEmail, Roles.Editor), (UserEmail, Roles.User)];

    public static async Task EnsureAsync(UserManager<ApplicationUser> users, string password)
    {
        foreach (var (email, role) in All)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            await CreateConfirmedAsync(users, email, password, role, email == UserEmail ? AlbumEmailChoice.AtOnce : AlbumEmailChoice.Never);
        }
    }

    /// <summary>A new account whose e-mail is already confirmed, in one role (also used by the test and benchmark hosts).</summary>
    public static async Task CreateConfirmedAsync(
        UserManager<ApplicationUser> users, string email, string password, string role, AlbumEmailChoice albumEmails = AlbumEmailChoice.Never)
    {
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, AlbumEmails = albumEmails };
        (await users.CreateAsync(user, password)).ThrowIfFailed("Creating a demo account failed");
        (await users.AddToRoleAsync(user, role)).ThrowIfFailed("Creating a demo account failed");
    }
}
