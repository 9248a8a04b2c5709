using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Activity;

/// <summary>
/// Deletes activity entries older than <see cref="ActivityRetentionOptions.ActivityRetentionDays"/>, at
/// start and then every few hours, so that the table — and every query the portal makes over it —
/// stays bounded. A batch is an index range on the entry time (IX_activity_At), never a table scan.
/// </summary>
internal sealed class ActivityRetention(
    IDbContextFactory<RichContactDb> dbFactory,
    ActivityFilterLists filterLists,
    StorageStatus storage,
    IOptions<ActivityRetentionOptions> options,
    IOptions<ActivityRetentionTimings> retention,
    TimeProvider clock,
    ILogger<ActivityRetention> logger) : BackgroundService
{
    private readonly ActivityRetentionTimings timings = retention.Value;
    private readonly TaskCompletionSource _startUpPurge = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the purge at start has run (or failed).</summary>
    public Task StartUpPurge => _startUpPurge.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // SQLite's async calls run synchronously: off the host's start-up path.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                storage.Failed(StorageFile.Database, error);
                logger.LogWarning("Purging old activity entries failed with {ErrorType}; tried again in {Interval}",
                    error.GetBaseException().GetType().Name, timings.Interval);
            }
            _startUpPurge.TrySetResult();
            try
            {
                await Task.Delay(timings.Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Deletes the entries recorded before the retention period; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.ActivityRetentionDays);
        var purged = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var batch = await db.Activity.Where(e => e.At < cutoff).OrderBy(e => e.At).Take(timings.BatchSize).ExecuteDeleteAsync(ct);
            purged += batch;
            if (batch < timings.BatchSize)
                break;
        }
        if (purged > 0)
        {
            filterLists.Reload();
            logger.LogInformation("Purged {Count} activity entries older than {Days} days", purged, options.Value.ActivityRetentionDays);
        }
        return purged;
    }
}
