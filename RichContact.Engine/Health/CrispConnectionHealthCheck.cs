using Microsoft.Extensions.Diagnostics.HealthChecks;
using RichContact.Engine.Crisp;

namespace RichContact.Engine.Health;

/// <summary>
/// Ready while the RTM connection is up; degraded while it (re)connects (events are caught up
/// afterwards); unhealthy when Crisp refused the plugin token, which needs an operator.
/// </summary>
internal sealed class CrispConnectionHealthCheck(CrispConnectionStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(status.State switch
        {
            CrispConnectionState.Connected => HealthCheckResult.Healthy(status.Source == CrispEventSource.Hooks
                ? "Receiving Crisp's Web Hooks." : "Connected to Crisp RTM."),
            CrispConnectionState.Unauthorized => HealthCheckResult.Unhealthy($"Crisp refused the plugin token: {status.LastError}"),
            var state => HealthCheckResult.Degraded($"Crisp RTM {state.ToString().ToLowerInvariant()}" +
                                                    (status.LastError is null ? "." : $": {status.LastError}")),
        });
}
