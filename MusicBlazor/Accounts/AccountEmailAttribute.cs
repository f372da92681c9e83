using System.ComponentModel.DataAnnotations;
using System.Net.Mail;

namespace MusicBlazor.Accounts;

/// <summary>
/// An e-mail address an account can use: one plain address (no display name, no list) whose domain has a dot, such as
/// name@example.com. <see cref="EmailAddressAttribute"/> only looks for an '@', so it lets "a@b" through. An empty
/// value passes: [Required] says that it is missing.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class AccountEmailAttribute : DataTypeAttribute
{
    /// <summary>As long as Identity's e-mail column.</summary>
    public const int MaxLength = 256;

    public AccountEmailAttribute()
        : base(DataType.EmailAddress)
    {
        ErrorMessage = "{0} must be a full e-mail address, such as name@example.com.";
    }

    public static bool IsValidAddress(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || value.Trim() != value
            || !MailAddress.TryCreate(value, out var address) || address.Address != value || address.DisplayName.Length > 0)
        {
            return false;
        }

        var labels = address.Host.Split('.');
        return labels.Length >= 2 && labels.All(label => label.Length > 0) && labels[^1].Length >= 2;
    }

    public override bool IsValid(object? value) => value is null || value is string { Length: 0 } || IsValidAddress(value as string);
}
