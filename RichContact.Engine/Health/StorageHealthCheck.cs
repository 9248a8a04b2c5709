using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Health;

/// <summary>
/// Unhealthy while a SQLite file (or PostgreSQL) refuses writes (disk full or locked for too long): an operator may
/// have to free space. Nothing is lost meanwhile (jobs retry, conversations are held), and the
/// check is healthy again after the store's next successful write.
/// </summary>
internal sealed class StorageHealthCheck(StorageStatus status, IOptions<StorageOptions> storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(status.Failures is { Count: > 0 } failures
            ? HealthCheckResult.Unhealthy(string.Join(" ", failures.Select(f => f.Message)))
            : HealthCheckResult.Healthy($"{storage.Value.DatabaseName} writes succeed."));
}
