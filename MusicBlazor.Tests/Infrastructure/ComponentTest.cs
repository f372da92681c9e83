using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MusicBlazor.Accounts;
using MusicBlazor.Activity;
using MusicBlazor.Audit;
using MusicBlazor.Components.Layout;
using MusicBlazor.Data;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Hosting;
using MusicBlazor.Hosting.Metrics;
using MusicBlazor.Notifications;
using MusicBlazor.Notifications.Bus;
using MusicBlazor.Notifications.Hub;
using MusicBlazor.Subscribers;
using MusicBlazor.TestSupport.Authentication;
using MudBlazor;
using MudBlazor.Services;

namespace MusicBlazor.Tests.Infrastructure;

/// <summary>
/// bUnit over the real services: components read and write the test app's SQLite database, changes reach them
/// through the test app's bus, and [Authorize]/AuthorizeView evaluate the app's real policies for <see cref="SignIn"/>'s actor.
/// </summary>
public abstract class ComponentTest : BunitContext, IAsyncLifetime
{
    protected TestApp App { get; private set; } = null!;

    protected TestAuthenticationStateProvider Authentication => Services.GetRequiredService<TestAuthenticationStateProvider>();

    // Live updates cross threads and a database; on a busy 2-core CI machine one second is not always enough.
    static ComponentTest() => DefaultWaitTimeout = TimeSpan.FromSeconds(5);

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(App.Services.GetRequiredService<IDbContextFactory<MusicDbContext>>());
        Services.AddSingleton<TimeProvider>(App.Clock);
        Services.AddSingleton(App.Bus);
        Services.AddSingleton<AlbumSummaryCache>();
        Services.AddSingleton(App.Services.GetRequiredService<ChangeLogReader>());
        Services.AddSingleton(App.Services.GetRequiredService<MusicBlazorMetrics>());
        Services.AddScoped<NotificationHub>();
        Services.AddScoped<CircuitUser>();
        Services.AddScoped<NotificationInbox>();
        Services.AddScoped<DocumentTitle>();
        Services.AddScoped<ICurrentActor, CurrentActor>();
        Services.AddCatalog();
        Services.AddSingleton(App.Services.GetRequiredService<RecentActivity>());
        Services.AddSingleton(App.Services.GetRequiredService<SubscriberProgress>());
        Services.AddScoped<AuditLog>();
        Services.AddAuthorizationCore(options => options.AddCatalogPolicies());
        // bUnit pre-registers a placeholder; the real service evaluates the app's policies.
        Services.AddTransient<IAuthorizationService, DefaultAuthorizationService>();
        Services.AddCascadingAuthenticationState();
        Services.AddScoped<TestAuthenticationStateProvider>();
        Services.AddScoped<AuthenticationStateProvider>(p => p.GetRequiredService<TestAuthenticationStateProvider>());
    }

    /// <summary>
    /// MudBlazor renders popovers (selects, menus, tooltips) into one provider and dialogs into another. Touch these
    /// before rendering the component under test: each may exist once per context, and services lock on first render.
    /// </summary>
    protected IRenderedComponent<MudPopoverProvider> Popovers => _popovers ??= Render<MudPopoverProvider>();

    protected IRenderedComponent<MudDialogProvider> Dialogs => _dialogs ??= Render<MudDialogProvider>();

    private IRenderedComponent<MudPopoverProvider>? _popovers;
    private IRenderedComponent<MudDialogProvider>? _dialogs;

    protected void SignIn(Actor actor) => Authentication.SignIn(actor);

    protected NotificationHub Hub => Services.GetRequiredService<NotificationHub>();

    // MudBlazor's services are only IAsyncDisposable, so the context is disposed asynchronously here, before xUnit's
    // synchronous Dispose (which then has nothing left to do).
    async Task IAsyncLifetime.DisposeAsync()
    {
        await ((IAsyncDisposable)this).DisposeAsync();
        await App.DisposeAsync();
    }
}
