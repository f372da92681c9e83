using MusicBlazor.Data.Providers;
using MusicBlazor.TestSupport.Data;

namespace MusicBlazor.Tests.Infrastructure.Providers;

/// <summary>
/// The provider the running test case is for. The test case sets it around its run, so the test class's
/// <see cref="DatabaseTest.InitializeAsync"/> (same async flow) starts its app on that provider.
/// </summary>
public static class ProviderRun
{
    private static readonly AsyncLocal<DatabaseProvider?> Current = new();

    /// <summary>SQLite unless a <see cref="DatabaseFactAttribute"/> or <see cref="DatabaseTheoryAttribute"/> case says otherwise.</summary>
    public static DatabaseProvider Provider => Current.Value ?? DatabaseProvider.Sqlite;

    public static IDisposable Use(DatabaseProvider provider)
    {
        var outer = Current.Value;
        Current.Value = provider;
        return new Scope(outer);
    }

    public static string DisplayName(string baseName, DatabaseProvider provider) => $"{baseName} [{provider}]";

    public static string? SkipReason(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? PostgresTestServer.SkipReason : null;

    private sealed class Scope(DatabaseProvider? outer) : IDisposable
    {
        public void Dispose() => Current.Value = outer;
    }
}
