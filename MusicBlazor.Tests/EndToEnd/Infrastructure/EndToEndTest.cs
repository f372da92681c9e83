using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace MusicBlazor.Tests.EndToEnd.Infrastructure;

/// <summary>
/// Base of the browser tests: opens isolated browser contexts (one per person or device), signs them in through
/// the real log-in page, and on failure saves a screenshot and the HTML of every open page under
/// MusicBlazor.Tests/TestResults/e2e/, so a red CI run explains itself.
/// </summary>
[Collection(EndToEndCollection.Name)]
public abstract class EndToEndTest<TServer>(BrowserFixture browser, TServer server) : IClassFixture<TServer>, IAsyncLifetime
    where TServer : AppServer
{
    public static readonly float LiveTimeout = 2_000;

    private readonly List<IBrowserContext> _contexts = [];

    protected TServer Server => server;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
    }

    /// <summary>A new browser (context) at <paramref name="path"/>, signed in as <paramref name="email"/> unless null.</summary>
    protected async Task<IPage> OpenAsync(string? email, string path = "/")
    {
        var context = await NewContextAsync(email is not null && server.TryGetSignedInState(email, out var state) ? state : null);
        var page = await context.NewPageAsync();
        if (email is not null && !server.TryGetSignedInState(email, out _))
        {
            await LogInAsync(page, email);
            server.RememberSignedInState(email, await context.StorageStateAsync());
        }

        await GoToAsync(page, path);
        return page;
    }

    /// <summary>Another tab of the same browser (same cookies).</summary>
    protected async Task<IPage> OpenTabAsync(IPage page, string path = "/")
    {
        var tab = await page.Context.NewPageAsync();
        await GoToAsync(tab, path);
        return tab;
    }

    protected async Task<IBrowserContext> NewContextAsync(string? storageState = null)
    {
        var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = server.BaseUrl,
            StorageState = storageState,
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(10_000);
        _contexts.Add(context);
        return context;
    }

    /// <summary>Navigates and waits until the interactive page has rendered (pages render only once their circuit is live).</summary>
    protected static async Task GoToAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Locator("main h1").First.WaitForAsync();
    }

    protected static async Task LogInAsync(IPage page, string email, string password = AppServer.Password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).WaitForAsync();
    }

    /// <summary>Runs a flow; if it fails, keeps a screenshot and the HTML of every open page.</summary>
    protected async Task FlowAsync(Func<Task> flow, [CallerMemberName] string test = "")
    {
        try
        {
            await flow();
        }
        catch
        {
            await SaveArtifactsAsync($"{GetType().Name}.{test}");
            throw;
        }
    }

    private async Task SaveArtifactsAsync(string name)
    {
        var folder = Path.Combine(RepositoryPaths.TestResults, "e2e");
        Directory.CreateDirectory(folder);
        var pages = _contexts.SelectMany(c => c.Pages).ToList();
        for (var i = 0; i < pages.Count; i++)
        {
            try
            {
                await pages[i].ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{i + 1}.png"), FullPage = true });
                await File.WriteAllTextAsync(Path.Combine(folder, $"{name}-{i + 1}.html"), await pages[i].ContentAsync());
            }
            catch (PlaywrightException)
            {
                // A page that is gone has nothing to show.
            }
        }
    }
}

/// <summary>A browser test against its own app server without the demo catalog.</summary>
public abstract class EndToEndTest(BrowserFixture browser, AppServer server) : EndToEndTest<AppServer>(browser, server);
