using Microsoft.Extensions.Options;
using MimeKit;

namespace MusicBlazor.Accounts.Email;

/// <summary>
/// Start-up check: outside Development account e-mails must really go out, or nobody could confirm an account or
/// reset a password. Names every missing setting. In Development an unconfigured server means the mailbox.
/// </summary>
public sealed class EmailSettingsCheck(IHostEnvironment environment) : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        if (!options.IsConfigured && environment.IsDevelopment())
        {
            return ValidateOptionsResult.Success;
        }

        var missing = new List<string>();
        if (!options.IsConfigured)
        {
            missing.Add(SmtpOptions.Key(nameof(SmtpOptions.Host)));
        }

        if (string.IsNullOrWhiteSpace(options.From))
        {
            missing.Add(SmtpOptions.Key(nameof(SmtpOptions.From)));
        }

        if (!string.IsNullOrEmpty(options.UserName) && string.IsNullOrEmpty(options.Password))
        {
            missing.Add(SmtpOptions.Key(nameof(SmtpOptions.Password)));
        }

        if (missing.Count > 0)
        {
            return ValidateOptionsResult.Fail(
                $"No SMTP server is configured for account e-mails (confirmation, password reset), which outside Development " +
                $"must really be sent. Missing: {string.Join(", ", missing)}. Optional: {SmtpOptions.Key(nameof(SmtpOptions.UserName))} " +
                $"and {SmtpOptions.Key(nameof(SmtpOptions.Password))} for a server that wants a login, " +
                $"{SmtpOptions.Key(nameof(SmtpOptions.Port))} (587) and {SmtpOptions.Key(nameof(SmtpOptions.Security))} (StartTls). " +
                $"As environment variables, write __ for each colon, e.g. Email__Smtp__Host.");
        }

        return MailboxAddress.TryParse(options.From, out var from) && from.Domain.Length > 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{SmtpOptions.Key(nameof(SmtpOptions.From))} is not an e-mail address: '{options.From}'.");
    }
}
