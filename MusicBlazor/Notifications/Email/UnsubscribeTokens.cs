using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace MusicBlazor.Notifications.Email;

/// <summary>
/// The token of an unsubscribe link: the user's id, signed and encrypted by Data Protection (keys shared by every
/// server through the database) for this purpose only, and valid for <see cref="Lifetime"/>. It works without signing
/// in; a changed or expired token reads as null. Data Protection checks the expiry against the system clock, so
/// tokens are made against it too.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider dataProtection)
{
    public const string Purpose = "MusicBlazor.FollowerEmails.Unsubscribe.v1";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private readonly ITimeLimitedDataProtector _protector = dataProtection.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    public string Create(Guid userId) => Create(userId, DateTimeOffset.UtcNow + Lifetime);

    public string Create(Guid userId, DateTimeOffset expires) => _protector.Protect(userId.ToString("N"), expires);

    /// <summary>The user the token was made for, or null when it is expired, changed or not a token at all.</summary>
    public Guid? Read(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return Guid.TryParseExact(_protector.Unprotect(token), "N", out var userId) ? userId : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
