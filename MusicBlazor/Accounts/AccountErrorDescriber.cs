using Microsoft.AspNetCore.Identity;

namespace MusicBlazor.Accounts;

/// <summary>
/// Identity's messages, except that a taken e-mail (which is also the user name) is never named: "Username 'x' is
/// already taken" would tell anyone which addresses have accounts. The register page answers those as it answers a
/// new address (<see cref="IsAddressTaken"/>); anywhere else the message stays vague.
/// </summary>
public sealed class AccountErrorDescriber : IdentityErrorDescriber
{
    private const string CannotBeUsed = "This e-mail address cannot be used for this account.";

    public static bool IsAddressTaken(IdentityError error) =>
        error.Code is nameof(DuplicateEmail) or nameof(DuplicateUserName);

    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = CannotBeUsed };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = CannotBeUsed };
}
