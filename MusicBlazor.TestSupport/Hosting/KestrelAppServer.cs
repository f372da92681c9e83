using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MusicBlazor.Accounts;
using MusicBlazor.Components;
using MusicBlazor.Data.DemoData;

namespace MusicBlazor.TestSupport.Hosting;

/// <summary>
/// The real app (its Program, pipeline and services) on a real Kestrel port, on its own fresh SQLite file in a temp
/// folder, with the three demo accounts and no demo catalog unless <see cref="WithDemoCatalog"/>; logging at Warning.
/// Development, so the build's static web assets (blazor.web.js, MudBlazor, CSS) are served.
/// The factory is keyed by the app's root component: any type of the app's assembly names its entry point, and the
/// benchmark console app has a <c>Program</c> of its own.
/// </summary>
public abstract class KestrelAppServer(string tempFolder) : WebApplicationFactory<App>
{
    public const string Password = "Demo-password-1";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), tempFolder, $"{Guid.NewGuid():N}.db");

    public static string Admin => DemoAccounts.AdminEmail;
    public static string Editor => DemoAccounts.EditorEmail;
    public static string User => DemoAccounts.UserEmail;

    /// <summary>The server's address once <see cref="Start"/> returned, without a trailing slash.</summary>
    public string BaseUrl { get; protected set; } = "";

    /// <summary>A PostgreSQL database to run on instead of the server's own SQLite file.</summary>
    protected virtual string? ConnectionString => null;

    /// <summary>Whether the invented demo catalog is seeded (for screenshots); tests arrange their own data.</summary>
    protected virtual bool WithDemoCatalog => false;

    public void Start()
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    /// <summary>Registrations applied after the app's own, e.g. an observer in front of one of its services.</summary>
    protected virtual void AddTestServices(IServiceCollection services)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_databasePath)!);
        builder.UseEnvironment("Development");
        // A host setting: the app chooses its provider while registering services, before the configuration below applies.
        builder.UseSetting("Database:Provider", ConnectionString is null ? "Sqlite" : "Postgres");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Catalog"] = ConnectionString ?? new SqliteConnectionStringBuilder { DataSource = _databasePath }.ToString(),
            ["DemoData:Enabled"] = WithDemoCatalog ? "true" : "false",
            ["DemoData:SeedDemoAccounts"] = "true",
            ["DemoData:DemoPassword"] = Password,
            // Serve the build's compressed files as a published app does: ASP.NET Core's hot-reload path re-sends
            // any file whose date differs from the manifest (package files always do) uncompressed inside gzip.
            ["ReloadStaticAssetsAtRuntime"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        }));
        builder.ConfigureTestServices(AddTestServices);
    }

    /// <summary>A DI scope signed in as <paramref name="email"/>, like one circuit of that person, to act through the app's services.</summary>
    public async Task<AsyncServiceScope> SignedInScopeAsync(string email)
    {
        var scope = Services.CreateAsyncScope();
        try
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
            var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
            var authentication = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
            authentication.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
            return scope;
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs app services as the given account, e.g. to arrange data or act as "another user".</summary>
    public async Task<T> AsAsync<T>(string email, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = await SignedInScopeAsync(email);
        return await work(scope.ServiceProvider);
    }

    public Task AsAsync(string email, Func<IServiceProvider, Task> work) =>
        AsAsync(email, async services =>
        {
            await work(services);
            return true;
        });

    /// <summary>A new, confirmed account with the demo password: callers sharing a server never share a person.</summary>
    public async Task<string> CreateAccountAsync(string role = Roles.User)
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
        foreach (var file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }
}
