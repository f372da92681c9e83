using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MusicBlazor.Accounts;
using MusicBlazor.Activity;
using MusicBlazor.Accounts.Email;
using MusicBlazor.Catalog;
using MusicBlazor.Components.Account;
using MusicBlazor.Components.Layout;
using MusicBlazor.Data;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Data.DemoData;
using MusicBlazor.Data.Providers;
using MusicBlazor.Hosting.Health;
using MusicBlazor.Hosting.Metrics;
using MusicBlazor.Notifications;
using MusicBlazor.Notifications.Bus;
using MusicBlazor.Notifications.Email;
using MusicBlazor.Notifications.Hub;
using MusicBlazor.Subscribers;
using MudBlazor.Services;

namespace MusicBlazor.Hosting;

public static class ServiceRegistration
{
    public static void AddMusicBlazor(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddScoped<DocumentTitle>();
        services.AddSingleton(TimeProvider.System);
        services.Configure<DemoDataOptions>(builder.Configuration.GetSection(DemoDataOptions.Section));

        builder.AddDatabase();
        services.AddAccounts();
        services.AddSignInRateLimits();
        services.AddCatalog();
        services.AddNotifications();
        services.AddBackgroundSubscribers();
        services.AddEmailSettingsCheck();
        services.AddTransportSecurity();
        builder.AddTelemetryExport();
    }

    public static void AddDatabase(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var provider = DatabaseProviderSetting.Read(builder.Configuration);
        services.AddSingleton<AuditStampInterceptor>();
        services.AddSingleton<ChangeLogSignal>();
        services.AddSingleton<ChangeContextInterceptor>();
        // Pooled: a context is rented per operation and reset on dispose, so an operation does not pay for building
        // EF's per-context services (the benchmark's browsing figures show the difference). Interceptors come from
        // the root provider: the pool and its options are singletons. The connection string is read from the
        // final configuration, so test hosts and environment variables can override it.
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                services.AddPooledDbContextFactory<PostgresMusicDbContext>((sp, options) => options
                    .UseNpgsql(DatabaseConnection.Read(sp.GetRequiredService<IConfiguration>()))
                    .AddInterceptors(sp.GetRequiredService<AuditStampInterceptor>(), sp.GetRequiredService<ChangeContextInterceptor>()));
                services.AddSingleton<IDbContextFactory<MusicDbContext>, UpcastContextFactory<PostgresMusicDbContext>>();
                services.AddScoped<MusicDbContext>(sp => sp.GetRequiredService<PostgresMusicDbContext>());
                services.AddSingleton<PostgresChangeListener>();
                services.AddSingleton<ICommitWatch>(sp => sp.GetRequiredService<PostgresChangeListener>());
                services.AddHostedService(sp => sp.GetRequiredService<PostgresChangeListener>());
                break;
            default:
                services.AddSingleton<SqlitePragmas>();
                services.AddPooledDbContextFactory<MusicDbContext>((sp, options) => options
                    .UseSqlite(DatabaseConnection.ResolveSqlite(
                        DatabaseConnection.Read(sp.GetRequiredService<IConfiguration>()), sp.GetRequiredService<IHostEnvironment>().ContentRootPath))
                    .AddInterceptors(
                        sp.GetRequiredService<SqlitePragmas>(),
                        sp.GetRequiredService<AuditStampInterceptor>(),
                        sp.GetRequiredService<ChangeContextInterceptor>()));
                services.AddSingleton<WalCheckpointer>();
                services.AddHostedService(sp => sp.GetRequiredService<WalCheckpointer>());
                services.AddSingleton<ICommitWatch, SqliteCommitWatch>();
                break;
        }

        services.AddDatabaseDeveloperPageExceptionFilter();
        services.AddMusicBlazorHealthChecks(provider);
        services.AddSubscriberRuntime(provider);

        // The change log: written by triggers, read forward from a position, pruned by age.
        services.AddOptions<ChangeLogOptions>().BindConfiguration(ChangeLogOptions.Section);
        services.AddSingleton<ChangeLogReader>();
        services.AddSingleton<ChangeLogRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<ChangeLogRetention>());
    }

    public static void AddAccounts(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddScoped<ICurrentActor, CurrentActor>();
        services.AddScoped<CircuitUser>();
        // Keys in the database: a sign-in cookie or antiforgery token made by one server is valid on every other.
        services.AddDataProtection().SetApplicationName("MusicBlazor").PersistKeysToDbContext<MusicDbContext>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, DueSecurityStampValidation>();
        // A sign-in cookie is checked against the account's security stamp at most a second after it was issued or
        // renewed (Identity's default is 30 minutes): a role change, lock or deletion ends an old cookie's rights at once.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromSeconds(1));
        services.AddAuthorization(options => options.AddCatalogPolicies());

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true;
                options.User.RequireUniqueEmail = true;
                // Five failed log-ins in a row lock the account for 15 minutes (the Lockout page says so).
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<MusicDbContext>()
            .AddSignInManager<SameCostSignInManager>()
            .AddErrorDescriber<AccountErrorDescriber>()
            .AddDefaultTokenProviders();

        services.AddAccountEmail();
        services.AddScoped<UserAdminService>();
    }

    /// <summary>
    /// The app's background subscribers on the change log: audit trail, activity feed, follower e-mails, metrics.
    /// Test hosts register the audit trail and activity feed, and the others where they test them.
    /// </summary>
    public static void AddBackgroundSubscribers(this IServiceCollection services)
    {
        services.AddAuditTrailAndActivity();
        services.AddFollowerEmails();
        services.AddChangeSubscriber<MetricsSubscriber>();
    }

    public static void AddCatalog(this IServiceCollection services)
    {
        services.AddScoped<ArtistQueries>();
        services.AddScoped<ArtistService>();
        services.AddScoped<AlbumService>();
        services.AddScoped<FollowService>();
    }

    /// <summary>Capture (triggers) → log → <see cref="ChangeLogFollower"/> → <see cref="ChangeBus"/> → per-circuit <see cref="NotificationHub"/> → components.</summary>
    public static void AddNotifications(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<MusicBlazorMetrics>();
        services.AddSingleton<SubscriberDoorbell>();
        services.AddSingleton<ChangeLogFollower>();
        services.AddHostedService(provider => provider.GetRequiredService<ChangeLogFollower>());
        services.AddSingleton<INotificationRecipients, NotificationRecipients>();
        services.AddSingleton<ChangeBus>();
        services.AddSingleton<IChangePublisher>(provider => provider.GetRequiredService<ChangeBus>());
        services.AddSingleton<AlbumSummaryCache>();
        services.AddScoped<NotificationInbox>();
        services.AddScoped<NotificationHub>();
        services.AddScoped<CircuitHandler, NotificationCircuitHandler>();
    }
}
