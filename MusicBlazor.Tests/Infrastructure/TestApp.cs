using System.Data.Common;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using MusicBlazor.Accounts;
using MusicBlazor.Activity;
using MusicBlazor.Data;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Data.Providers;
using MusicBlazor.Hosting;
using MusicBlazor.Notifications.Bus;
using MusicBlazor.Subscribers;
using MusicBlazor.Tests.Infrastructure.Providers;
using MusicBlazor.TestSupport.Authentication;
using MusicBlazor.TestSupport.Data;

namespace MusicBlazor.Tests.Infrastructure;

/// <summary>
/// The app's own service registration (AddDatabase, AddAccounts, AddCatalog, AddNotifications) over a private
/// database with the migrations applied (a SQLite file in WAL mode, or a PostgreSQL database of its own, both
/// copied from a migrated template), plus the test seams: a fake clock, a recording
/// publisher in front of the real bus, a command counter, and one <see cref="TestAuthenticationStateProvider"/>
/// per scope.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "musicblazor-tests");
    private static readonly Lazy<Task<string>> SqliteTemplate = new(CreateSqliteTemplateAsync);
    private static readonly Lazy<Task<string>> PostgresTemplate = new(CreatePostgresTemplateAsync);

    private readonly ServiceProvider _services;
    private readonly List<AsyncServiceScope> _scopes = [];

    private readonly bool _keepDatabase;

    /// <param name="database">The SQLite file's path, or the PostgreSQL database's name.</param>
    private TestApp(
        DatabaseProvider provider, string database, bool keepDatabase = false, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        _keepDatabase = keepDatabase;
        Provider = provider;
        DatabasePath = database;
        ConnectionString = provider == DatabaseProvider.Postgres
            ? PostgresTestServer.ConnectionStringFor(database)
            : new SqliteConnectionStringBuilder { DataSource = database }.ToString();

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration[DatabaseProviderSetting.Key] = provider.ToString();
        builder.Configuration[$"ConnectionStrings:{DatabaseConnection.ConnectionStringName}"] = ConnectionString;
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        var services = builder.Services;
        services.AddLogging();
        builder.AddDatabase();
        services.AddAccounts();
        services.AddCatalog();
        services.AddNotifications();
        services.AddAuditTrailAndActivity();

        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<RecordingPublisher>();
        services.AddSingleton<IChangePublisher>(p => p.GetRequiredService<RecordingPublisher>());
        services.AddScoped<TestAuthenticationStateProvider>();
        services.AddScoped<AuthenticationStateProvider>(p => p.GetRequiredService<TestAuthenticationStateProvider>());
        if (provider == DatabaseProvider.Postgres)
        {
            services.ConfigureDbContext<PostgresMusicDbContext>(options => options.AddInterceptors(Commands));
        }
        else
        {
            services.ConfigureDbContext<MusicDbContext>(options => options.AddInterceptors(Commands));
        }

        configure?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The SQLite file, or on PostgreSQL the database's name.</summary>
    public string DatabasePath { get; }

    public string ConnectionString { get; }
    public IServiceProvider Services => _services;
    public FakeTimeProvider Clock { get; } = new();
    public CommandCounter Commands { get; } = new();
    public RecordingPublisher Published => _services.GetRequiredService<RecordingPublisher>();
    public ChangeBus Bus => _services.GetRequiredService<ChangeBus>();
    public ChangeLogFollower Follower => _services.GetRequiredService<ChangeLogFollower>();
    public IDbContextFactory<MusicDbContext> DbFactory => _services.GetRequiredService<IDbContextFactory<MusicDbContext>>();

    /// <summary>An app on <paramref name="provider"/>, by default the one the running test case is for (<see cref="ProviderRun"/>).</summary>
    /// <param name="configure">Registrations after the app's own, e.g. background subscribers.</param>
    public static async Task<TestApp> StartAsync(DatabaseProvider? provider = null, Action<IServiceCollection>? configure = null)
    {
        var app = (provider ?? ProviderRun.Provider) switch
        {
            DatabaseProvider.Postgres => new TestApp(
                DatabaseProvider.Postgres, await PostgresTestServer.CreateDatabaseAsync(await PostgresTemplate.Value), configure: configure),
            _ => new TestApp(DatabaseProvider.Sqlite, await CopySqliteTemplateAsync(), configure: configure),
        };
        // The host would start it: it follows the change log into the bus (polling as in the app, and on every commit).
        await app.Follower.StartAsync(CancellationToken.None);
        return app;
    }

    /// <summary>
    /// Another server on this app's PostgreSQL database, as a second machine would run it: its own services, follower
    /// and bus. Both servers listen for commits (<see cref="PostgresChangeListener"/>) and wake only for
    /// notifications: their poll interval is an hour, so nothing reaches either by polling during a test.
    /// </summary>
    public async Task<TestApp> StartSecondServerAsync(Action<IServiceCollection>? configure = null)
    {
        var second = new TestApp(Provider, DatabasePath, keepDatabase: true, OnlyNotifications, configure);
        await second.Follower.StartAsync(CancellationToken.None);
        await second.ListenAsync();
        await ListenAsync();
        return second;
    }

    /// <summary>A first server that will be joined by <see cref="StartSecondServerAsync"/>.</summary>
    public static async Task<TestApp> StartFirstServerAsync(Action<IServiceCollection>? configure = null)
    {
        var app = new TestApp(
            DatabaseProvider.Postgres, await PostgresTestServer.CreateDatabaseAsync(await PostgresTemplate.Value), settings: OnlyNotifications, configure: configure);
        await app.Follower.StartAsync(CancellationToken.None);
        return app;
    }

    private static readonly Dictionary<string, string?> OnlyNotifications = new() { ["ChangeLog:PollInterval"] = "01:00:00" };

    public PostgresChangeListener Listener => _services.GetRequiredService<PostgresChangeListener>();

    private bool _listening;
    private bool _subscribing;

    public SubscriberHost Subscribers => _services.GetRequiredService<SubscriberHost>();

    /// <summary>Starts the background subscribers, as the host would (tests that need them start them).</summary>
    public async Task StartSubscribersAsync()
    {
        _subscribing = true;
        await Subscribers.StartAsync(CancellationToken.None);
    }

    /// <summary>Starts them and waits until each runs from its position (a new subscriber starts at the log's head).</summary>
    public async Task StartSubscribersAndWaitAsync()
    {
        await StartSubscribersAsync();
        await Eventually.TrueAsync(() => Subscribers.Statuses.All(s => s.State == SubscriberState.Running), "the subscribers run");
    }

    /// <summary>Stops them, as a host shutting down would; <see cref="StartSubscribersAsync"/> is a restart.</summary>
    public async Task StopSubscribersAsync()
    {
        _subscribing = false;
        await Subscribers.StopAsync(CancellationToken.None);
    }

    private async Task ListenAsync()
    {
        if (_listening)
        {
            return;
        }

        _listening = true;
        await Listener.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => Listener.State == ListenerState.Listening, "the server listens for commits");
    }

    /// <summary>
    /// Publishes everything committed so far from the change log and waits until the bus has routed it, so that
    /// nothing arrives late at a new subscriber and "nothing was published" can be asserted.
    /// </summary>
    public async Task DeliverAsync()
    {
        await Follower.CatchUpAsync();
        var published = Follower.Position;
        await Eventually.TrueAsync(() => Bus.Position >= published, "the bus routed everything the change log held");
    }

    /// <summary>The change log after <paramref name="position"/>, as stored.</summary>
    public async Task<IReadOnlyList<ChangeEvent>> LoggedAfterAsync(long position)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return await db.ChangeLog.AsNoTracking().Where(e => e.Sequence > position).OrderBy(e => e.Sequence).ToListAsync();
    }

    public Task<long> LogHeadAsync() => _services.GetRequiredService<ChangeLogReader>().HeadAsync();

    /// <summary>A service from a new scope whose signed-in user is <paramref name="actor"/>.</summary>
    public T As<T>(Actor actor)
        where T : notnull
    {
        var scope = _services.CreateAsyncScope();
        _scopes.Add(scope);
        scope.ServiceProvider.GetRequiredService<TestAuthenticationStateProvider>().SignIn(actor);
        return scope.ServiceProvider.GetRequiredService<T>();
    }

    /// <summary>A connection of its own, outside the app's contexts, as another program would open one: it sees committed data only.</summary>
    public DbConnection OpenConnection()
    {
        DbConnection connection = Provider == DatabaseProvider.Postgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>A context for arranging and asserting, acting as <paramref name="actor"/> (anonymous by default).</summary>
    public Task<MusicDbContext> OpenDbAsync(Actor? actor = null) => DbFactory.OpenAsync(actor ?? Actor.Anonymous);

    public async Task<Actor> CreateUserAsync(string role = Roles.User, string? name = null)
    {
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"{name ?? role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.test";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        (await users.CreateAsync(user)).ThrowIfFailed();
        (await users.AddToRoleAsync(user, role)).ThrowIfFailed();
        return Actor.User(user.Id, role, email);
    }

    public async ValueTask DisposeAsync()
    {
        await Follower.StopAsync(CancellationToken.None);
        if (_listening)
        {
            await Listener.StopAsync(CancellationToken.None);
        }

        if (_subscribing)
        {
            await StopSubscribersAsync();
        }

        foreach (var scope in _scopes)
        {
            await scope.DisposeAsync();
        }

        await _services.DisposeAsync();
        if (Provider == DatabaseProvider.Postgres)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
            if (!_keepDatabase)
            {
                await PostgresTestServer.DropDatabaseAsync(DatabasePath);
            }

            return;
        }

        SqliteConnection.ClearPool(new SqliteConnection(ConnectionString));
        if (!_keepDatabase)
        {
            DeleteDatabase(DatabasePath);
        }
    }

    private static async Task<string> CopySqliteTemplateAsync()
    {
        var template = await SqliteTemplate.Value;
        var path = Path.Combine(Folder, $"{Guid.NewGuid():N}.db");
        File.Copy(template, path);
        return path;
    }

    /// <summary>Migrated once per test run; every test's database is a copy (no connection may be open to it then).</summary>
    private static async Task<string> CreatePostgresTemplateAsync()
    {
        var name = await PostgresTestServer.CreateDatabaseAsync();
        await using (var app = new TestApp(DatabaseProvider.Postgres, name, keepDatabase: true))
        {
            await app.Services.InitializeDatabaseAsync();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => PostgresTestServer.DropDatabaseAsync(name).GetAwaiter().GetResult();
        return name;
    }

    private static async Task<string> CreateSqliteTemplateAsync()
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"template-{Guid.NewGuid():N}.db");
        await using (var app = new TestApp(DatabaseProvider.Sqlite, path, keepDatabase: true))
        {
            await app.Services.InitializeDatabaseAsync();
            await using var connection = new SqliteConnection(app.ConnectionString);
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteDatabase(path);
        return path;
    }

    private static void DeleteDatabase(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
