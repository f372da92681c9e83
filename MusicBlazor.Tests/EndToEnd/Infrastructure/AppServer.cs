using MusicBlazor.TestSupport.Hosting;

namespace MusicBlazor.Tests.EndToEnd.Infrastructure;

/// <summary>
/// The app server of one browser test class (<see cref="KestrelAppServer"/>: fresh database, demo accounts, no demo
/// catalog), started and stopped by xUnit. It remembers each account's signed-in cookies, so a class logs a person in once.
/// </summary>
public class AppServer() : KestrelAppServer("musicblazor-e2e"), IAsyncLifetime
{
    private readonly Dictionary<string, string> _signedInStates = [];

    public virtual Task InitializeAsync()
    {
        Start();
        return Task.CompletedTask;
    }

    /// <summary>Cookies of a signed-in browser for <paramref name="email"/>, remembered after the first log-in.</summary>
    public bool TryGetSignedInState(string email, out string state) => _signedInStates.TryGetValue(email, out state!);

    public void RememberSignedInState(string email, string state) => _signedInStates[email] = state;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
