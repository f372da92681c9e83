using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MusicBlazor.Accounts;

/// <summary>
/// A failed password log-in costs the same whether the account exists or not. Identity answers at once for an unknown
/// e-mail (or an unconfirmed account) but hashes the password for a real one: about 3 ms against 50, which tells
/// anyone which e-mails have accounts. Here those answers check the password against a dummy hash first.
/// </summary>
public sealed class SameCostSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static readonly ApplicationUser Nobody = new();
    private static string? s_dummyHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            CheckAgainstDummyHash(password);
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(ApplicationUser user, string password, bool lockoutOnFailure)
    {
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        if (result.IsNotAllowed)
        {
            // Refused before its password was checked, with the same message as a wrong password.
            CheckAgainstDummyHash(password);
        }

        return result;
    }

    private void CheckAgainstDummyHash(string password)
    {
        var hasher = UserManager.PasswordHasher;
        // Made by the app's own hasher, so that checking it costs what checking a stored hash does.
        s_dummyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(Nobody, s_dummyHash, password);
    }
}
