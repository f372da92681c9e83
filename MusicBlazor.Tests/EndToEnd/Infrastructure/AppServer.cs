using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MusicBlazor.Accounts;
using MusicBlazor.Data.DemoData;

namespace MusicBlazor.Tests.EndToEnd.Infrastructure;

/// <summary>
/// The real app on a real Kestrel port, on its own fresh SQLite file, with the three demo accounts and no demo
/// catalog (each test arranges the data it talks about). Development, so static web assets are served.
/// </summary>
public class AppServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Demo-password-1";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), "musicblazor-e2e", $"{Guid.NewGuid():N}.db");
    private readonly Dictionary<string, string> _signedInStates = [];

    public string BaseUrl { get; private set; } = "";

    /// <summary>Whether the invented demo catalog is seeded (for screenshots); tests arrange their own data.</summary>
    protected virtual bool WithDemoCatalog => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_databasePath)!);
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Catalog"] = new SqliteConnectionStringBuilder { DataSource = _databasePath }.ToString(),
            ["DemoData:Enabled"] = WithDemoCatalog ? "true" : "false",
            ["DemoData:SeedDemoAccounts"] = "true",
            ["DemoData:DemoPassword"] = Password,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        }));
    }

    public Task InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        return Task.CompletedTask;
    }

    /// <summary>Cookies of a signed-in browser for <paramref name="email"/>, remembered after the first log-in.</summary>
    public bool TryGetSignedInState(string email, out string state) => _signedInStates.TryGetValue(email, out state!);

    public void RememberSignedInState(string email, string state) => _signedInStates[email] = state;

    /// <summary>Runs app services as the given demo account, e.g. to arrange data or act as "another user".</summary>
    public async Task<T> AsAsync<T>(string email, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
        var authentication = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        authentication.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return await work(scope.ServiceProvider);
    }

    /// <summary>A new, confirmed account with the demo password: tests sharing a server never share a person.</summary>
    public async Task<string> CreateAccountAsync(string role = Roles.User)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@musicblazor.test";
        await DemoAccounts.CreateConfirmedAsync(users, email, Password, role);
        return email;
    }

    public Task AsAsync(string email, Func<IServiceProvider, Task> work) =>
        AsAsync(email, async services =>
        {
            await work(services);
            return true;
        });

    public static string Admin => DemoAccounts.AdminEmail;
    public static string Editor => DemoAccounts.EditorEmail;
    public static string User => DemoAccounts.UserEmail;

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync();

}
