using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using MusicBlazor.Accounts.Email;

namespace MusicBlazor.Hosting;

/// <summary>The "App" section: <see cref="PublicBaseUrl"/> is the address people reach the app at, for links in e-mails.</summary>
public sealed class PublicUrlOptions
{
    public const string Section = "App";
    public const string Key = Section + ":" + nameof(PublicBaseUrl);

    /// <summary>E.g. https://music.example.com/; unset, the server's own first address (fine in Development).</summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>
/// The base of the links that e-mails sent outside a request carry (a background e-mail has no request to take the
/// host from): <see cref="PublicUrlOptions.PublicBaseUrl"/>, else the address the server listens on.
/// </summary>
public sealed class PublicBaseUrl(IOptions<PublicUrlOptions> options, IServiceProvider services)
{
    public Uri Value => WithSlash(options.Value.PublicBaseUrl ?? ServerAddress()
        ?? throw new InvalidOperationException($"Set {PublicUrlOptions.Key} to the app's public address: e-mails need it for their links."));

    /// <summary>An absolute link to <paramref name="relative"/> (no leading slash), under the base's path.</summary>
    public string To(string relative) => new Uri(Value, relative).AbsoluteUri;

    private string? ServerAddress() =>
        services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => a.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost"))
            .FirstOrDefault();

    private static Uri WithSlash(string url) => new(url.EndsWith('/') ? url : url + "/", UriKind.Absolute);
}

/// <summary>
/// Start-up check: outside Development, when e-mails really go out (an SMTP host is set), their links need the public
/// address; a server's own address behind a proxy would be wrong. A set value must be an absolute http(s) address.
/// </summary>
public sealed class PublicBaseUrlCheck(IHostEnvironment environment, IOptions<SmtpOptions> smtp) : IValidateOptions<PublicUrlOptions>
{
    public ValidateOptionsResult Validate(string? name, PublicUrlOptions options)
    {
        if (options.PublicBaseUrl is { } url)
        {
            return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{PublicUrlOptions.Key} must be an absolute http or https address, not '{url}'.");
        }

        return environment.IsDevelopment() || !smtp.Value.IsConfigured
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{PublicUrlOptions.Key} is not set. E-mails about new albums carry links back to the app (the album, unsubscribe), " +
                $"so outside Development it must be the address people reach the app at, e.g. https://music.example.com/ " +
                $"(as an environment variable: App__PublicBaseUrl).");
    }
}
