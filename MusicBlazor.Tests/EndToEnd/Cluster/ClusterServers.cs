using MusicBlazor.Tests.EndToEnd.Infrastructure;
using MusicBlazor.TestSupport.Data;
using MusicBlazor.TestSupport.Browsers;
using MusicBlazor.TestSupport.Hosting;

namespace MusicBlazor.Tests.EndToEnd.Cluster;

/// <summary>
/// Two app servers on one PostgreSQL database with nginx in front (<c>deploy/nginx.conf</c>): this fixture is server
/// a, its <see cref="KestrelAppServer.BaseUrl"/> is nginx's, and <see cref="ServerB"/> is the second server.
/// Arranging through <see cref="KestrelAppServer.AsAsync{T}"/> acts on server a.
/// </summary>
public sealed class ClusterServers : AppServer
{
    private string? _database;
    private NginxProcess? _nginx;

    /// <summary>Why the cluster tests skip (no PostgreSQL or nginx, outside CI), or null when they run.</summary>
    public static string? SkipReason =>
        PostgresTestServer.SkipReason
        ?? (NginxProcess.Executable is null && !Chromium.IsCi ? $"Cluster test skipped: nginx was not found; {NginxProcess.InstallHint}." : null);

    protected override string? ConnectionString => _database is null ? null : PostgresTestServer.ConnectionStringFor(_database);

    public KestrelAppServer ServerB { get; private set; } = null!;

    public string ServerAUrl { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        if (SkipReason is not null || Chromium.ExecutablePath is null && !Chromium.IsCi)
        {
            return;
        }

        _database = await PostgresTestServer.CreateDatabaseAsync();
        // One after the other: a migrates the empty database and seeds the demo accounts, b finds them there.
        Start();
        ServerAUrl = BaseUrl;
        ServerB = new SecondServer(ConnectionString!);
        ((SecondServer)ServerB).Start();
        _nginx = await NginxProcess.StartAsync(ServerAUrl, ServerB.BaseUrl);
        BaseUrl = _nginx.BaseUrl;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_nginx is not null)
        {
            await _nginx.DisposeAsync();
        }

        if (ServerB is not null)
        {
            await ServerB.DisposeAsync();
        }

        await base.DisposeAsync();
        if (_database is not null)
        {
            await PostgresTestServer.DropDatabaseAsync(_database);
        }
    }

    private sealed class SecondServer(string connectionString) : KestrelAppServer("musicblazor-e2e")
    {
        protected override string? ConnectionString => connectionString;
    }
}
