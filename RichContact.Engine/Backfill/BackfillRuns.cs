using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RichContact.Engine.Backfill;

/// <summary>
/// What an operator does with past conversations, per website: preview a date range, then start,
/// pause, resume or cancel the run. The work itself is <see cref="BackfillJob"/>'s.
/// </summary>
public sealed class BackfillRuns(
    BackfillStore store,
    BackfillLister lister,
    BackfillEstimates estimates,
    BackfillAllowance allowance,
    IBackgroundJobClient jobs,
    IOptions<BackfillOptions> options,
    TimeProvider clock,
    ILogger<BackfillRuns> logger)
{
    /// <summary>
    /// A new run over conversations created from <paramref name="from"/> to <paramref name="until"/>
    /// (cut at now), listed up to <see cref="BackfillOptions.PreviewMaxPages"/> pages — each a Crisp
    /// call — and estimated. It replaces the website's previous preview; while a run is in progress it
    /// throws <see cref="BackfillConflictException"/>. A range it cannot take throws <see cref="ArgumentException"/>.
    /// </summary>
    public async Task<BackfillPreview> PreviewAsync(string websiteId, DateTimeOffset from, DateTimeOffset until, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (until > now)
            until = now;
        if (from >= until)
            throw new ArgumentException("The range must end after it starts, and start in the past.");
        if (until - from > TimeSpan.FromDays(options.Value.MaxRangeDays))
            throw new ArgumentException($"A run covers at most {options.Value.MaxRangeDays} days (RichContact:Backfill:MaxRangeDays).");

        var run = await store.AddPreviewAsync(websiteId, from, until, ct);
        try
        {
            for (var page = 0; page < options.Value.PreviewMaxPages && !run.Listed && allowance.HasRoom(1); page++)
            {
                await lister.ListNextPageAsync(run, ct);
                run = await store.GetAsync(run.Id, ct) ?? throw new InvalidOperationException("The previewed run is gone.");
            }
        }
        catch
        {
            // A preview Crisp cut short would estimate wrong: none rather than a misleading one.
            await store.MoveAsync(run.Id, [BackfillStatus.Previewed], BackfillStatus.Cancelled, ct: CancellationToken.None);
            throw;
        }
        logger.LogInformation("Backfill {RunId} of website {WebsiteId} previewed: {Total} channel conversations of {Conversations} listed from {From:u} to {Until:u}{More} ({Calls} Crisp calls)",
            run.Id, websiteId, run.Total, run.Conversations, from, until, run.Listed ? "" : ", more to list", run.PreviewCalls);
        return await estimates.ForAsync(run, ct);
    }

    /// <summary>The estimate of what the run has not done yet.</summary>
    public Task<BackfillPreview> EstimateAsync(BackfillRun run, CancellationToken ct = default) => estimates.ForAsync(run, ct);

    public Task<bool> StartAsync(long runId) => BeginAsync(runId, [BackfillStatus.Previewed], "started");

    /// <summary>Stops after the conversation being decided; the run keeps its place.</summary>
    public Task<bool> PauseAsync(long runId) => SayAsync(store.MoveAsync(runId, [BackfillStatus.Running, BackfillStatus.WaitingForBudget], BackfillStatus.Paused), runId, "paused");

    /// <summary>Goes on from where it stopped (from a wait for the budget too: it waits again when there is still no room).</summary>
    public Task<bool> ResumeAsync(long runId) => BeginAsync(runId, [BackfillStatus.Paused, BackfillStatus.WaitingForBudget], "resumed");

    /// <summary>Stops after the conversation being decided, for good; what was created stays.</summary>
    public Task<bool> CancelAsync(long runId) => SayAsync(store.MoveAsync(runId, BackfillRun.ActiveStatuses, BackfillStatus.Cancelled), runId, "cancelled");

    /// <summary>Hands the run to a new chain of batch jobs, from the statuses that allow it.</summary>
    internal async Task<bool> BeginAsync(long runId, BackfillStatus[] from, string what)
    {
        var chain = Guid.NewGuid().ToString("N");
        if (!await store.MoveAsync(runId, from, BackfillStatus.Running, chain))
            return false;
        jobs.Enqueue<BackfillJob>(job => job.RunAsync(runId, chain, CancellationToken.None));
        return await SayAsync(Task.FromResult(true), runId, what);
    }

    private async Task<bool> SayAsync(Task<bool> move, long runId, string what)
    {
        if (!await move)
            return false;
        if (await store.GetAsync(runId) is { } run)
            logger.LogInformation("Backfill {RunId} of website {WebsiteId} {What}: {Done} of {Total} conversations done", runId, run.WebsiteId, what, run.Done, run.Total);
        return true;
    }
}
