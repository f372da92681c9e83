using Microsoft.AspNetCore.Identity;
using MusicBlazor.Notifications.Email;

namespace MusicBlazor.Accounts;

public sealed class ApplicationUser : IdentityUser<Guid>
{
    public ApplicationUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    /// <summary>How they hear about new albums from the artists they follow (account page, unsubscribe link).</summary>
    public AlbumEmailChoice AlbumEmails { get; set; }
}
