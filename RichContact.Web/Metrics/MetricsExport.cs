using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using RichContact.Engine;
using RichContact.Engine.Telemetry;
using RichContact.Web.Security;

namespace RichContact.Web.Metrics;

/// <summary>
/// Exports the engine's metrics (<see cref="EngineMetrics"/>) with OpenTelemetry when
/// <c>RichContact:Metrics:Enabled</c>: Prometheus scrapes <c>/metrics</c>, and an OTLP collector
/// gets them pushed when <c>RichContact:Metrics:OtlpEndpoint</c> is set.
/// </summary>
public static class MetricsExport
{
    /// <summary>The name OpenTelemetry's SDK gives its listener for <see cref="IMetricsBuilder"/> rules.</summary>
    private const string OpenTelemetryListener = "OpenTelemetry";

    public static IServiceCollection AddRichContactMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<MetricsOptions, MetricsOptionsValidator>(configuration, MetricsOptions.Section);
        // The one setting read before the container is built: OpenTelemetry 1.20 adds an exporter by
        // registering services (AddOtlpExporter calls ConfigureServices, which throws once the provider
        // is being built), so whether to add OpenTelemetry at all cannot wait for IOptions. The same
        // section is bound and validated above; a wrong value stops the app at start either way.
        var options = configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        if (!options.Enabled)
            return services;

        // A rule rather than AddMeter: AddMeter listens to every meter of that name in the process, and
        // the Local scope keeps to this host's own (tests and the benchmark run several in one process).
        services.AddMetrics(metrics => metrics.EnableMetrics(EngineMetrics.MeterName, instrumentName: null,
            listenerName: OpenTelemetryListener, scopes: MeterScope.Local));
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("richcontact"))
            .WithMetrics(metrics =>
            {
                metrics.AddPrometheusExporter();
                if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint))
                    // A malformed endpoint is left to the options validator, which names the setting.
                    metrics.AddOtlpExporter(otlp =>
                    {
                        if (Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint))
                            otlp.Endpoint = endpoint;
                    });
            });
        return services;
    }

    /// <summary><c>/metrics</c> for Prometheus, to <c>RichContact:Metrics:AllowedNetworks</c> only; not mapped at all when metrics are off.</summary>
    public static void MapRichContactMetrics(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (!options.Enabled)
            return;
        var allowed = IPNetworks.Parse(options.AllowedNetworks);
        endpoints.MapPrometheusScrapingEndpoint(MetricsOptions.ScrapePath, meterProvider: null,
            configureBranchedPipeline: scrape => scrape.Use(async (context, next) =>
            {
                if (allowed.Allows(context.Connection.RemoteIpAddress))
                {
                    await next(context);
                    return;
                }
                // A body, so that the status code pages do not answer with the portal's page instead.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync("Metrics are not served to this address (RichContact:Metrics:AllowedNetworks).");
            }), optionsName: null);
    }
}
