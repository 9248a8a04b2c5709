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
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var sentence = CrispConnectionSentences.Sentence(status.State, status.Source);
        return Task.FromResult(status.State switch
        {
            CrispConnectionState.Connected or CrispConnectionState.Standby => HealthCheckResult.Healthy(sentence),
            // The listener's error already says it all: the refusal, when it tries again, what to check.
            CrispConnectionState.Unauthorized => HealthCheckResult.Unhealthy(status.LastError is { Length: > 0 } refusal ? refusal : sentence),
            _ => HealthCheckResult.Degraded(WithError(sentence)),
        });
    }

    // "Crisp RTM: connection lost, reconnecting. Last error: …"
    private string WithError(string sentence) => status.LastError is { Length: > 0 } error ? $"{sentence} Last error: {error}" : sentence;
}
