using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MusicBlazor.Accounts;
using MusicBlazor.Accounts.Email;
using MusicBlazor.TestSupport.Hosting;

namespace MusicBlazor.Tests.Infrastructure;

/// <summary>
/// The real app (pipeline, Identity, account pages) in memory, on a fresh database with the demo accounts, for posting
/// the statically rendered account forms over HTTP (<see cref="AccountPagesClient"/>). Each client gets an IP address of
/// its own; the password hasher counts its checks. Settings (e.g. low sign-in limits) come from <see cref="Settings"/>.
/// </summary>
public class AccountPagesApp() : KestrelAppServer("musicblazor-account-pages"), IAsyncLifetime
{
    public const string ClientAddressHeader = "X-Test-Client-Address";

    private int _nextAddress;

    public CountingPasswordHasher PasswordHasher => Services.GetRequiredService<CountingPasswordHasher>();

    public DevelopmentMailbox Mailbox => Services.GetRequiredService<DevelopmentMailbox>();

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>A new browser (its own cookies) at a new IP address, that does not follow redirects.</summary>
    public AccountPagesClient NewClient(string? address = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var n = Interlocked.Increment(ref _nextAddress);
        client.DefaultRequestHeaders.Add(ClientAddressHeader, address ?? $"10.1.{n / 250}.{n % 250 + 1}");
        return new AccountPagesClient(client);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(Settings));
    }

    protected override void AddTestServices(IServiceCollection services)
    {
        services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
        services.AddSingleton<CountingPasswordHasher>();
        services.Replace(ServiceDescriptor.Scoped<IPasswordHasher<ApplicationUser>>(provider => provider.GetRequiredService<CountingPasswordHasher>()));
    }

    public Task InitializeAsync()
    {
        _ = Server; // starts the app
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>The in-memory server has no client address: each test client names its own.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientAddressHeader], out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>Identity's own hasher, counting how often a password is checked against a hash.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<ApplicationUser>
{
    private readonly PasswordHasher<ApplicationUser> _hasher = new();
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(ApplicationUser user, string password) => _hasher.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _hasher.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
