using Microsoft.Extensions.Diagnostics.HealthChecks;
using RichContact.Engine.Crisp;

namespace RichContact.Engine.Health;

/// <summary>
/// Ready while the RTM connection is up; degraded while it (re)connects (events are caught up
/// afterwards); ready on standby, while another node holds RTM (this one serves the portal and runs
/// contact jobs); unhealthy when Crisp refused the plugin token, which needs an operator.
/// </summary>
internal sealed class CrispConnectionHealthCheck(CrispConnectionStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(status.State switch
        {
            CrispConnectionState.Connected => HealthCheckResult.Healthy(status.Source == CrispEventSource.Hooks
                ? "Receiving Crisp's Web Hooks." : "Connected to Crisp RTM."),
            CrispConnectionState.Standby => HealthCheckResult.Healthy("Standby: another node holds the Crisp RTM socket."),
            CrispConnectionState.Unauthorized => HealthCheckResult.Unhealthy($"Crisp refused the plugin token: {status.LastError}"),
            var state => HealthCheckResult.Degraded($"Crisp RTM {state.ToString().ToLowerInvariant()}" +
                                                    (status.LastError is null ? "." : $": {status.LastError}")),
        });
}
