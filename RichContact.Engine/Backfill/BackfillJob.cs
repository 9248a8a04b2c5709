using System.Diagnostics;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Nodes;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Backfill;

/// <summary>
/// The Hangfire job that works through a run, one batch per job (<see cref="BackfillOptions.BatchSeconds"/>), each
/// enqueuing the next. Conversations are taken one at a time in listing order and decided by
/// <see cref="CreateContactRun"/> itself — its outcome check, conversation and person locks and dedup
/// are what make a backfill never create a second contact nor decide a conversation twice. Before each
/// one the job reads the run again, so a pause or cancel stops it after the current conversation, and
/// checks the budget, so it stops above the reserve and waits for the next UTC day. Its cursor is the
/// run's list in richcontact.db: a job cut by a stop leaves at most one conversation undecided, which the
/// next process decides (<see cref="BackfillResumer"/> starts a new chain; this one's jobs then end at once).
/// </summary>
internal sealed class BackfillJob(
    BackfillStore store,
    BackfillLister lister,
    CreateContactRun contacts,
    BackfillAllowance allowance,
    BackfillProgress progress,
    BackfillResumer resumer,
    IContactLocks locks,
    IBackgroundJobClient jobs,
    IOptions<BackfillOptions> options,
    ILogger<BackfillJob> logger)
{
    private readonly BackfillOptions timings = options.Value;

    // Failures CreateContactRun does not record (richcontact.db failing: held and run again by
    // HoldWhileDatabaseFails) are retried; the run's list makes a retry start where this one stopped.
    /// <summary>How soon a batch that found another one of its run running tries again.</summary>
    internal static readonly TimeSpan BusyRetry = TimeSpan.FromSeconds(1);

    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [10, 60, 300, 900, 3600])]
    [HoldWhileDatabaseFails]
    public async Task RunAsync(long runId, string chain, CancellationToken cancellationToken)
    {
        try
        {
            await RunHeldAsync(runId, chain, cancellationToken);
        }
        catch (Exception error) when (error is not DatabaseHeldException && DatabaseFailure.Is(error))
        {
            // The run's list and counts are in that database: the batch waits for it like a contact job,
            // and starts again where the list says, instead of spending its retries and ending Failed.
            logger.LogWarning("Backfill {RunId}: batch held, the settings and activity database failed with {ErrorType}; it runs again until the database works",
                runId, error.GetBaseException().GetType().Name);
            throw new DatabaseHeldException(error);
        }
    }

    private async Task RunHeldAsync(long runId, string chain, CancellationToken cancellationToken)
    {
        var run = await store.GetAsync(runId, cancellationToken);
        if (run is null || run.Chain != chain)
            return;
        // One batch works a website's backfill at a time, on every node (a database lock with PostgreSQL).
        // A second one of a stale chain (the previous process's job, requeued at its stop) ends here. The
        // chain holding the run must not: the batch in its way may be that stale one, which stops at its
        // next conversation once it sees the run is no longer its own, and would leave the run to nobody.
        // It comes back a moment later.
        await using var lease = await locks.TryAcquireAsync(LockKey(run.WebsiteId), cancellationToken);
        if (lease is null)
        {
            logger.LogInformation("Backfill {RunId}: another batch of website {WebsiteId}'s backfill is running; this one comes back in {Delay:0.#} s", runId, run.WebsiteId, BusyRetry.TotalSeconds);
            jobs.Schedule<BackfillJob>(job => job.RunAsync(runId, chain, CancellationToken.None), BusyRetry);
            return;
        }
        run = await store.GetAsync(runId, cancellationToken);
        if (run is null || run.Chain != chain)
            return;
        if (run.Status == BackfillStatus.WaitingForBudget)
        {
            // The wake-up scheduled for after midnight.
            if (!allowance.HasRoom())
            {
                Schedule(run, chain, allowance.ResetsAt + timings.WakeUpAfterMidnight);
                return;
            }
            await store.MoveAsync(runId, [BackfillStatus.WaitingForBudget], BackfillStatus.Running, ct: cancellationToken);
        }
        await RunBatchAsync(runId, chain, cancellationToken);
    }

    private async Task RunBatchAsync(long runId, string chain, CancellationToken ct)
    {
        var batch = Stopwatch.StartNew();
        var decided = 0;
        var failedInARow = 0;
        while (true)
        {
            var run = await store.GetAsync(runId, ct);
            if (run is null || run.Chain != chain || run.Status != BackfillStatus.Running)
            {
                if (run is not null)
                    progress.Report(run, force: true); // paused, cancelled, or taken over: said once
                return;
            }
            progress.Report(run);
            if (decided >= timings.BatchConversations || batch.Elapsed >= timings.BatchDuration)
            {
                jobs.Enqueue<BackfillJob>(job => job.RunAsync(runId, chain, CancellationToken.None));
                return;
            }
            if (!allowance.HasRoom())
            {
                await WaitForBudgetAsync(run, chain, ct);
                return;
            }

            var next = await store.NextAsync(runId, ct);
            if (next is null)
            {
                if (!run.Listed)
                {
                    if (!await ListAsync(run, chain, ct))
                        return;
                    continue;
                }
                // Done, or (its list emptied by a cancel meanwhile) whatever the operator made it: said once either way.
                await store.MoveAsync(runId, [BackfillStatus.Running], BackfillStatus.Done, ct: ct);
                if (await store.GetAsync(runId, ct) is { } final)
                    progress.Report(final, force: true);
                return;
            }

            ActivityEntry? entry;
            try
            {
                entry = await contacts.RunPastConversationAsync(run.WebsiteId, next.SessionId, new PastConversation(runId, next.Channel, next.CreatedAt), ct);
            }
            catch (CrispBudgetExhaustedException)
            {
                // Live conversations spent the reserve meanwhile: this one stays undecided until the budget is back.
                await WaitForBudgetAsync(run, chain, ct);
                return;
            }
            await store.RecordAsync(runId, next.SessionId, ResultOf(entry), entry?.RestCalls ?? 0, ct);
            decided++;
            failedInARow = entry?.Outcome == ActivityOutcome.Failed ? failedInARow + 1 : 0;
            if (failedInARow >= timings.FailuresBeforeBackOff)
            {
                logger.LogWarning("Backfill {RunId} of website {WebsiteId}: {Count} conversations failed in a row (the last {Reason}); the next batch waits {Delay:0} s",
                    runId, run.WebsiteId, failedInARow, entry!.Reason, timings.RetryDelay.TotalSeconds);
                Schedule(run, chain, DateTimeOffset.UtcNow + timings.RetryDelay);
                return;
            }
        }
    }

    /// <summary>Reads the next page of the list; false when the batch must end (the budget, or Crisp refusing).</summary>
    private async Task<bool> ListAsync(BackfillRun run, string chain, CancellationToken ct)
    {
        try
        {
            await lister.ListNextPageAsync(run, ct);
            return true;
        }
        catch (CrispBudgetExhaustedException)
        {
            await WaitForBudgetAsync(run, chain, ct);
        }
        catch (CrispApiException error) when (error.IsLastingRefusal)
        {
            // The same call would be refused again, spending quota each time: the operator decides.
            logger.LogWarning("Backfill {RunId} of website {WebsiteId} paused: Crisp refuses its conversation list ({Reason})", run.Id, run.WebsiteId, error.ReasonCode);
            await store.MoveAsync(run.Id, [BackfillStatus.Running], BackfillStatus.Paused, error: error.ReasonCode, ct: ct);
        }
        catch (Exception error) when (error is CrispApiException || CrispTransientErrors.IsUnreachable(error))
        {
            var code = error is CrispApiException crisp ? crisp.ReasonCode : ReasonCodes.CrispUnreachable;
            logger.LogWarning("Backfill {RunId} of website {WebsiteId}: listing page {Page} failed ({Reason}); trying again in {Delay:0} s",
                run.Id, run.WebsiteId, run.NextPage, code, timings.RetryDelay.TotalSeconds);
            await store.SetErrorAsync(run.Id, code, ct);
            Schedule(run, chain, DateTimeOffset.UtcNow + timings.RetryDelay);
        }
        return false;
    }

    private async Task WaitForBudgetAsync(BackfillRun run, string chain, CancellationToken ct)
    {
        var resumesAt = allowance.ResetsAt;
        if (!await store.MoveAsync(run.Id, [BackfillStatus.Running], BackfillStatus.WaitingForBudget, resumesAt: resumesAt, ct: ct))
            return;
        logger.LogWarning("Backfill {RunId} of website {WebsiteId} waits for the daily Crisp budget: {Reserve} calls are kept for live conversations; it resumes after {ResumesAt:u}",
            run.Id, run.WebsiteId, allowance.Reserve, resumesAt);
        // The durable wake-up; the resumer, on the budget's clock, usually comes first (and this one then ends at once).
        Schedule(run, chain, resumesAt + timings.WakeUpAfterMidnight);
        resumer.Wake();
        if (await store.GetAsync(run.Id, ct) is { } waiting)
            progress.Report(waiting, force: true);
    }

    /// <summary>The lock a batch holds while it works the website's run (<see cref="IContactLocks"/>).</summary>
    internal static string LockKey(string websiteId) => "backfill:" + websiteId;

    private void Schedule(BackfillRun run, string chain, DateTimeOffset at) =>
        jobs.Schedule<BackfillJob>(job => job.RunAsync(run.Id, chain, CancellationToken.None), at);

    private static BackfillResult ResultOf(ActivityEntry? entry) => entry?.Outcome switch
    {
        null => BackfillResult.HadOutcome,
        ActivityOutcome.Created => BackfillResult.Created,
        ActivityOutcome.Existing => BackfillResult.Existing,
        ActivityOutcome.Skipped => BackfillResult.Skipped,
        ActivityOutcome.WouldCreate => BackfillResult.WouldCreate,
        _ => BackfillResult.Failed,
    };

}
