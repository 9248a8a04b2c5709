using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Health;

internal sealed class DatabaseHealthCheck(IDbContextFactory<RichContactDb> dbFactory, IOptions<StorageOptions> storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await db.Database.CanConnectAsync(ct) && !(await db.Database.GetPendingMigrationsAsync(ct)).Any()
                ? HealthCheckResult.Healthy($"{storage.Value.DatabaseName} database ready.")
                : HealthCheckResult.Unhealthy($"{storage.Value.DatabaseName} database not migrated yet.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy($"{storage.Value.DatabaseName} database unavailable: {e.GetType().Name}.");
        }
    }
}
