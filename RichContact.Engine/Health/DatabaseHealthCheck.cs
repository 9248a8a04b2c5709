using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Health;

internal sealed class DatabaseHealthCheck(IDbContextFactory<RichContactDb> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await db.Database.CanConnectAsync(ct) && !(await db.Database.GetPendingMigrationsAsync(ct)).Any()
                ? HealthCheckResult.Healthy("SQLite database ready.")
                : HealthCheckResult.Unhealthy("SQLite database not migrated yet.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy($"SQLite database unavailable: {e.GetType().Name}.");
        }
    }
}
