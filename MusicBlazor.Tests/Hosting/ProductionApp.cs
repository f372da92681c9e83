using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace MusicBlazor.Tests.Hosting;

/// <summary>
/// The app as deployed: Production, with appsettings.json's own settings (so no demo data) plus what an operator
/// must add, an SMTP server, on its own fresh SQLite file. In-memory unless a subclass starts Kestrel.
/// </summary>
public class ProductionApp : WebApplicationFactory<Program>
{
    public const string SmtpFrom = "MusicBlazor <no-reply@musicblazor.test>";

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"musicblazor-production-{Guid.NewGuid():N}.db");

    /// <summary>Settings on top of appsettings.json; a subclass may take some away.</summary>
    protected virtual Dictionary<string, string?> Settings() => new()
    {
        ["ConnectionStrings:Catalog"] = new SqliteConnectionStringBuilder { DataSource = _database }.ToString(),
        ["Email:Smtp:Host"] = "smtp.musicblazor.test",
        ["Email:Smtp:From"] = SmtpFrom,
        ["App:PublicBaseUrl"] = "https://music.musicblazor.test/",
        // Serve the build's compressed files as a published app does (see StaticAssetTests).
        ["ReloadStaticAssetsAtRuntime"] = "false",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in Settings())
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }
}
