using Microsoft.Playwright;
using MusicBlazor.TestSupport.Browsers;

namespace MusicBlazor.Tests.EndToEnd.Infrastructure;

/// <summary>One Chromium for all end-to-end tests; each test opens its own isolated browser contexts.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (Chromium.ExecutablePath is null)
        {
            if (Chromium.IsCi)
            {
                throw new InvalidOperationException($"CI=true but Chromium was not found; {Chromium.InstallHint}.");
            }

            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium.ExecutablePath,
            Args = Chromium.Args,
        });
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "End-to-end";
}
