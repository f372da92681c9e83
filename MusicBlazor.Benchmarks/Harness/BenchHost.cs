using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using MusicBlazor.Accounts;
using MusicBlazor.Data;
using MusicBlazor.Hosting;
using MusicBlazor.Notifications.Bus;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Data.Providers;
using MusicBlazor.TestSupport.Authentication;
using MusicBlazor.TestSupport.Data;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// The app's own service graph (AddDatabase, AddAccounts, AddCatalog, AddNotifications) over a private SQLite file
/// in a temp folder, migrated and switched to WAL by the app's initializer, or over a throw-away PostgreSQL database
/// (<see cref="StartPostgresAsync"/>). The benchmark adds only observers: a command counter on the DbContext options,
/// a clock in front of the bus, and a per-scope signed-in user.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _folder;
    /// <summary>The PostgreSQL database this host created and drops; null on SQLite or when it joined another's.</summary>
    private readonly string? _ownedDatabase;

    private BenchHost(IHost host, string folder, string connectionString, CommandCounter commands, DatabaseProvider provider, string? ownedDatabase)
    {
        _host = host;
        _folder = folder;
        ConnectionString = connectionString;
        Commands = commands;
        Provider = provider;
        _ownedDatabase = ownedDatabase;
    }

    public IServiceProvider Services => _host.Services;
    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public CommandCounter Commands { get; }
    public PublishClock PublishClock => Services.GetRequiredService<PublishClock>();
    public ChangeBus Bus => Services.GetRequiredService<ChangeBus>();
    public IDbContextFactory<MusicDbContext> DbFactory => Services.GetRequiredService<IDbContextFactory<MusicDbContext>>();

    /// <param name="register">More of the app's registrations (say its background subscribers), after the ones above.</param>
    public static Task<BenchHost> StartAsync(string name, Action<IServiceCollection>? register = null)
    {
        var folder = NewFolder(name);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "bench.db") }.ToString();
        return StartAsync(folder, DatabaseProvider.Sqlite, connectionString, ownedDatabase: null, settings: null, register);
    }

    /// <summary>
    /// The app on PostgreSQL (<see cref="PostgresTestServer"/>): a new throw-away database, dropped on dispose, or, with
    /// <paramref name="database"/>, another server on an existing one (as a second machine would run it). With
    /// <paramref name="listen"/>, the host's <see cref="PostgresChangeListener"/> runs, so commits of other servers wake its follower.
    /// </summary>
    public static async Task<BenchHost> StartPostgresAsync(
        string name, string? database = null, bool listen = false, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? register = null)
    {
        var owned = database is null ? await PostgresTestServer.CreateDatabaseAsync() : null;
        var host = await StartAsync(NewFolder(name), DatabaseProvider.Postgres, PostgresTestServer.ConnectionStringFor(database ?? owned!), owned, settings, register);
        if (listen)
        {
            var listener = host.Services.GetRequiredService<PostgresChangeListener>();
            await listener.StartAsync(CancellationToken.None);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (listener.State != ListenerState.Listening)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"The change listener did not start listening: {listener.LastError}");
                }

                await Task.Delay(20);
            }
        }

        return host;
    }

    /// <summary>The throw-away database's name (PostgreSQL), for a second host on it.</summary>
    public string DatabaseName => new NpgsqlConnectionStringBuilder(ConnectionString).Database!;

    private static string NewFolder(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "musicblazor-bench", $"{name}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static async Task<BenchHost> StartAsync(
        string folder, DatabaseProvider provider, string connectionString, string? ownedDatabase, IReadOnlyDictionary<string, string?>? settings,
        Action<IServiceCollection>? register = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = folder,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseProviderSetting.Key] = provider.ToString(),
            [$"ConnectionStrings:{DatabaseConnection.ConnectionStringName}"] = connectionString,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // On a new PostgreSQL database EF's first look at the migrations history fails by design and logs it as an error.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", provider == DatabaseProvider.Postgres ? LogLevel.None : LogLevel.Warning);

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        builder.AddDatabase();
        services.AddAccounts();
        services.AddCatalog();
        services.AddNotifications();
        register?.Invoke(services);

        // Observers only; every service the scenarios exercise is the app's own registration.
        var commands = new CommandCounter();
        var commit = new CommitStamp(commands);
        if (provider == DatabaseProvider.Postgres)
        {
            services.ConfigureDbContext<PostgresMusicDbContext>((_, options) => options.AddInterceptors(commands, commit), ServiceLifetime.Singleton);
        }
        else
        {
            services.ConfigureDbContext<MusicDbContext>((_, options) => options.AddInterceptors(commands, commit), ServiceLifetime.Singleton);
        }

        services.AddSingleton<PublishClock>(provider => new PublishClock(provider.GetRequiredService<ChangeBus>(), commit));
        services.Replace(ServiceDescriptor.Singleton<IChangePublisher>(provider => provider.GetRequiredService<PublishClock>()));
        services.Replace(ServiceDescriptor.Scoped<AuthenticationStateProvider, TestAuthenticationStateProvider>());

        var host = builder.Build();
        await host.Services.InitializeDatabaseAsync();
        // The hosted services the scenarios need: the follower reads the change log into the bus, and on SQLite the
        // checkpointer keeps the write-ahead log short (the app's connections leave checkpoints to it).
        await host.Services.GetRequiredService<ChangeLogFollower>().StartAsync(CancellationToken.None);
        if (provider == DatabaseProvider.Sqlite)
        {
            await host.Services.GetRequiredService<WalCheckpointer>().StartAsync(CancellationToken.None);
        }

        return new BenchHost(host, folder, connectionString, commands, provider, ownedDatabase);
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

    /// <summary>A raw connection to this host's PostgreSQL database, outside the app's contexts.</summary>
    public async Task<NpgsqlConnection> OpenPostgresAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
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

        if (Provider == DatabaseProvider.Postgres)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
            if (_ownedDatabase is not null)
            {
                await PostgresTestServer.DropDatabaseAsync(_ownedDatabase);
            }
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
