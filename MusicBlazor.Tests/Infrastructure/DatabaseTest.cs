namespace MusicBlazor.Tests.Infrastructure;

/// <summary>Every test gets its own app and database (xUnit makes a class instance per test).</summary>
public abstract class DatabaseTest : IAsyncLifetime
{
    protected TestApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync();
        await ArrangeAsync();
        await App.DeliverAsync();
        App.Published.Clear();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>Data every test of the class starts from; what it publishes is routed, then cleared.</summary>
    protected virtual Task ArrangeAsync() => Task.CompletedTask;
}
