using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MusicBlazor.Accounts;
using MusicBlazor.Components;
using MusicBlazor.Data.DemoData;
using MusicBlazor.Notifications.Bus;
using MusicBlazor.Notifications.Changes;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// The real app (its Program, pipeline and services) on a real Kestrel port, as the end-to-end tests host it: a
/// fresh SQLite file in a temp folder, the three demo accounts and no demo catalog, logging at Warning. The one
/// addition is an observer: <see cref="CommitClock"/> as the app's <see cref="IChangePublisher"/>, in front of the
/// real bus. Development, so the build's static web assets (blazor.web.js, MudBlazor, CSS) are served.
/// The factory is keyed by the app's root component: any type of the app's assembly names its entry point, and
/// this console app has a <c>Program</c> of its own.
/// </summary>
internal sealed class AppServer : WebApplicationFactory<App>
{
    public const string Password = "Demo-password-1";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "musicblazor-bench", $"browser-{Environment.ProcessId}-{Guid.NewGuid():N}");

    private AppServer()
    {
    }

    public string BaseUrl { get; private set; } = "";

    public CommitClock CommitClock => Services.GetRequiredService<CommitClock>();

    public static AppServer Start()
    {
        var server = new AppServer();
        server.UseKestrel(0);
        server.StartServer();
        server.BaseUrl = server.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        return server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Catalog"] = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "bench.db") }.ToString(),
            ["DemoData:Enabled"] = "false",
            ["DemoData:SeedDemoAccounts"] = "true",
            ["DemoData:DemoPassword"] = Password,
            // Serve the build's compressed files as a published app does (ASP.NET Core's hot-reload path re-sends
            // package files, whose dates never match the manifest, uncompressed).
            ["ReloadStaticAssetsAtRuntime"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        }));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<CommitClock>(provider => new CommitClock(provider.GetRequiredService<ChangeBus>()));
            services.Replace(ServiceDescriptor.Singleton<IChangePublisher>(provider => provider.GetRequiredService<CommitClock>()));
        });
    }

    /// <summary>A DI scope signed in as <paramref name="email"/>, like one circuit of that person, to act through the app's services.</summary>
    public async Task<AsyncServiceScope> SignedInScopeAsync(string email)
    {
        var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
        var authentication = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        authentication.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }

    /// <summary>A new, confirmed account with the demo password.</summary>
    public async Task<string> CreateAccountAsync(string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@musicblazor.test";
        await DemoAccounts.CreateConfirmedAsync(users, email, Password, role);
        return email;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
