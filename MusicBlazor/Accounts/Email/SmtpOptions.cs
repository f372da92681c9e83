using MailKit.Security;

namespace MusicBlazor.Accounts.Email;

/// <summary>The "Email:Smtp" section: the server that sends account e-mails. Setting <see cref="Host"/> turns it on.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Email:Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>Leave empty for a server that takes mail without a login (a local relay).</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, as "MusicBlazor &lt;no-reply@example.com&gt;" or a bare address.</summary>
    public string? From { get; set; }

    /// <summary>StartTls (port 587), SslOnConnect (port 465), StartTlsWhenAvailable, Auto or None.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public static string Key(string setting) => $"{Section}:{setting}";
}
