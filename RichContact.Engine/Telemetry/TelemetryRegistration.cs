using Microsoft.Extensions.DependencyInjection;

namespace RichContact.Engine.Telemetry;

/// <summary>Registers the engine's metrics; exporting them is the host's choice (the web app's <c>RichContact:Metrics</c>).</summary>
internal static class TelemetryRegistration
{
    public static IServiceCollection AddEngineMetrics(this IServiceCollection services)
    {
        services.AddMetrics(); // IMeterFactory; hosts built without defaults lack it
        services.AddSingleton<EngineMetrics>();
        services.AddHostedService(sp => sp.GetRequiredService<EngineMetrics>());
        return services;
    }
}
