using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RichContact.Engine.Nodes;

namespace RichContact.Engine.Backfill;

/// <summary>
/// A run can stay "running" with nobody working it: the node whose batch it was died and its job is
/// gone, or the job was deleted from the job storage. <see cref="BackfillResumer"/> takes such runs up at
/// start only; this looks every <see cref="BackfillOptions.UnworkedCheck"/> on every node, and a run
/// whose chain has no job waiting, scheduled or in process, and whose website's backfill lock
/// (<see cref="BackfillJob.LockKey"/>, a database lock with PostgreSQL) nobody holds, is handed to a new
/// chain. Should a batch of the old chain still turn up, it sees the run is no longer its own and ends.
/// </summary>
internal sealed class UnworkedBackfillRuns(
    BackfillStore store, BackfillRuns runs, IContactLocks locks, JobStorage jobs, IOptions<BackfillOptions> options,
    ILogger<UnworkedBackfillRuns> logger) : BackgroundService
{
    // Jobs looked at per state: far more than the engine keeps waiting at once.
    private const int MaxJobsPerState = 100_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.UnworkedCheck, stoppingToken);
                await TakeUpAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // The database or the job storage away: looked at again next time.
                logger.LogWarning("Backfill runs with nobody working them could not be looked for ({ErrorType})", error.GetBaseException().GetType().Name);
            }
        }
    }

    internal async Task TakeUpAsync(CancellationToken ct)
    {
        var running = await store.WithStatusAsync(BackfillStatus.Running, ct);
        if (running.Count == 0)
            return;
        var live = LiveChains();
        foreach (var run in running.Where(r => r.Chain is null || !live.Contains(r.Chain)))
        {
            await using (var lease = await locks.TryAcquireAsync(BackfillJob.LockKey(run.WebsiteId), ct))
            {
                if (lease is null)
                    continue; // a batch is working it right now
            }
            // Read again: a batch may have moved it on (or a new chain begun) since the list above.
            if (await store.GetAsync(run.Id, ct) is not { Status: BackfillStatus.Running } now || now.Chain != run.Chain || LiveChains().Contains(run.Chain ?? ""))
                continue;
            if (await runs.BeginAsync(run.Id, [BackfillStatus.Running], "taken up: no batch job was working it"))
                logger.LogWarning("Backfill {RunId} of website {WebsiteId} was running with no batch job (its node died, or its job was deleted): a new batch goes on from its list", run.Id, run.WebsiteId);
        }
    }

    /// <summary>The chains of the backfill jobs waiting, scheduled or in process in the job storage.</summary>
    private HashSet<string> LiveChains()
    {
        var monitor = jobs.GetMonitoringApi();
        IEnumerable<Job?> all = monitor.ProcessingJobs(0, MaxJobsPerState).Select(j => j.Value?.Job)
            .Concat(monitor.ScheduledJobs(0, MaxJobsPerState).Select(j => j.Value?.Job))
            .Concat(monitor.Queues().SelectMany(q => monitor.EnqueuedJobs(q.Name, 0, MaxJobsPerState).Select(j => j.Value?.Job)));
        return all.Where(j => j?.Type == typeof(BackfillJob) && j.Args.Count > 1)
            .Select(j => j!.Args[1] as string).OfType<string>().ToHashSet();
    }
}
