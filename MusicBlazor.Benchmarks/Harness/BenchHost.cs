using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MusicBlazor.Accounts;
using MusicBlazor.Data;
using MusicBlazor.Hosting;
using MusicBlazor.Notifications.Bus;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.TestSupport.Authentication;
using MusicBlazor.TestSupport.Data;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// The app's own service graph (AddDatabase, AddAccounts, AddCatalog, AddNotifications) over a private SQLite file
/// in a temp folder, migrated and switched to WAL by the app's initializer. The benchmark adds only observers:
/// a command counter on the DbContext options, a clock in front of the bus, and a per-scope signed-in user.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _folder;

    private BenchHost(IHost host, string folder, string connectionString, CommandCounter commands)
    {
        _host = host;
        _folder = folder;
        ConnectionString = connectionString;
        Commands = commands;
    }

    public IServiceProvider Services => _host.Services;
    public string ConnectionString { get; }
    public CommandCounter Commands { get; }
    public PublishClock PublishClock => Services.GetRequiredService<PublishClock>();
    public ChangeBus Bus => Services.GetRequiredService<ChangeBus>();
    public IDbContextFactory<MusicDbContext> DbFactory => Services.GetRequiredService<IDbContextFactory<MusicDbContext>>();

    public static async Task<BenchHost> StartAsync(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "musicblazor-bench", $"{name}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "bench.db") }.ToString();

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = folder,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseConnection.ConnectionStringName}"] = connectionString,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        builder.AddDatabase();
        services.AddAccounts();
        services.AddCatalog();
        services.AddNotifications();

        // Observers only; every service the scenarios exercise is the app's own registration.
        var commands = new CommandCounter();
        var commit = new CommitStamp(commands);
        services.ConfigureDbContext<MusicDbContext>((_, options) => options.AddInterceptors(commands, commit), ServiceLifetime.Singleton);
        services.AddSingleton<PublishClock>(provider => new PublishClock(provider.GetRequiredService<ChangeBus>(), commands, commit));
        services.Replace(ServiceDescriptor.Singleton<IChangePublisher>(provider => provider.GetRequiredService<PublishClock>()));
        services.Replace(ServiceDescriptor.Scoped<AuthenticationStateProvider, TestAuthenticationStateProvider>());

        var host = builder.Build();
        await host.Services.InitializeDatabaseAsync();
        // The hosted services the scenarios need: the follower reads the change log into the bus, and the checkpointer
        // keeps the write-ahead log short (the app's connections leave checkpoints to it).
        await host.Services.GetRequiredService<ChangeLogFollower>().StartAsync(CancellationToken.None);
        await host.Services.GetRequiredService<WalCheckpointer>().StartAsync(CancellationToken.None);
        return new BenchHost(host, folder, connectionString, commands);
    }

    /// <summary>A new "circuit": a DI scope whose authentication state is the given user.</summary>
    public Circuit OpenCircuit(Guid userId, string role = Roles.User)
    {
        var scope = Services.CreateAsyncScope();
        ((TestAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>()).SignIn(userId, role);
        return new Circuit(scope, userId);
    }

    /// <summary>A raw connection with the app's connection string (or another file's) and per-connection pragmas.</summary>
    public async Task<SqliteConnection> OpenRawAsync(string? connectionString = null)
    {
        var connection = new SqliteConnection(connectionString ?? ConnectionString);
        await connection.OpenAsync();
        await using var pragma = connection.CreateCommand();
        // EF Core turns foreign keys on for the app's connections; the rest is the app's own per-connection settings.
        pragma.CommandText = "PRAGMA foreign_keys = ON; " + SqlitePragmas.PerConnection;
        await pragma.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>
    /// Publishes and routes whatever the change log holds (rows the seeder wrote with raw SQL, say), so none of it
    /// arrives inside a measured window.
    /// </summary>
    public async Task CatchUpAsync()
    {
        await Services.GetRequiredService<ChangeLogFollower>().CatchUpAsync();
        await PublishClock.WaitForBusIdleAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>
    /// A copy of the database as it is now, without the change log's triggers: where a floor measures what SQLite
    /// alone costs for the same rows. Returns its connection string.
    /// </summary>
    public async Task<string> CopyWithoutChangeLogAsync()
    {
        var path = Path.Combine(_folder, "floor.db");
        await using (var connection = await OpenRawAsync())
        {
            await Sql.ExecuteAsync(connection, $"VACUUM INTO '{path}';");
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        await using var copy = await OpenRawAsync(connectionString);
        await Sql.ExecuteAsync(copy, "PRAGMA journal_mode = WAL;");
        var triggers = new List<string>();
        await using (var list = copy.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'ChangeLog_%';";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                triggers.Add(reader.GetString(0));
            }
        }

        foreach (var trigger in triggers)
        {
            await Sql.ExecuteAsync(copy, $"DROP TRIGGER \"{trigger}\";");
        }

        return connectionString;
    }

    public async Task CheckpointAsync()
    {
        await using var connection = await OpenRawAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable asyncHost)
        {
            await asyncHost.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }

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

/// <summary>One simulated circuit: its DI scope and signed-in user.</summary>
internal sealed class Circuit(AsyncServiceScope scope, Guid userId) : IAsyncDisposable
{
    public Guid UserId => userId;
    public IServiceProvider Services => scope.ServiceProvider;
    public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();
    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
