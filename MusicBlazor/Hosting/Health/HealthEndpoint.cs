using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MusicBlazor.Data;
using MusicBlazor.Data.Providers;

namespace MusicBlazor.Hosting.Health;

/// <summary><c>/health</c>: ASP.NET Core health checks for the database, the change log's live delivery and, on PostgreSQL, the listener.</summary>
public static class HealthEndpoint
{
    public const string Path = "/health";

    public static void AddMusicBlazorHealthChecks(this IServiceCollection services, DatabaseProvider provider)
    {
        var checks = services.AddHealthChecks()
            .AddDbContextCheck<MusicDbContext>("database")
            .AddCheck<ChangeLogHealthCheck>("change-log")
            .AddCheck<SubscribersHealthCheck>("subscribers");
        if (provider == DatabaseProvider.Postgres)
        {
            checks.AddCheck<ChangeListenerHealthCheck>("postgres-listener");
        }
    }

    public static void MapMusicBlazorHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteJsonAsync }).DisableHttpMetrics();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Each check's status, description and figures, as JSON (the default writer sends only the overall status).</summary>
    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data,
            }),
        }, Json));
    }
}
