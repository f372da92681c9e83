using OpenTelemetry.Metrics;

namespace MusicBlazor.Hosting.Metrics;

/// <summary>
/// OpenTelemetry export of the app's meter (and ASP.NET Core's and Kestrel's), off by default: it is on when an OTLP
/// endpoint is configured, as <c>OpenTelemetry:OtlpEndpoint</c> or OpenTelemetry's own <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.
/// </summary>
public static class TelemetryExport
{
    public const string EndpointSetting = "OpenTelemetry:OtlpEndpoint";

    public static void AddTelemetryExport(this IHostApplicationBuilder builder)
    {
        var endpoint = builder.Configuration[EndpointSetting] ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return;
        }

        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(MusicBlazorMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddOtlpExporter(options => options.Endpoint = new Uri(endpoint)));
    }
}
