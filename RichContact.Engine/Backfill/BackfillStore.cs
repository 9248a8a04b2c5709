using Microsoft.EntityFrameworkCore;
using RichContact.Engine.Activity;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Backfill;

/// <summary>
/// Backfill runs and their listed conversations in richcontact.db. Status changes are conditional
/// updates (from the statuses that allow them), and counts are incremented in place, so the operator's
/// pause or cancel and the batch job's progress never overwrite each other. Every write raises
/// <see cref="Changed"/> with the run as it now is: the portal's live progress.
/// </summary>
public sealed class BackfillStore(IDbContextFactory<RichContactDb> dbFactory, TimeProvider clock)
{
    public event Action<BackfillRun>? Changed;

    public async Task<BackfillRun?> GetAsync(long runId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BackfillRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, ct);
    }

    /// <summary>The website's run in progress or previewed, else its latest; null when it never had one.</summary>
    public async Task<BackfillRun?> CurrentAsync(string websiteId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var runs = db.BackfillRuns.AsNoTracking().Where(r => r.WebsiteId == websiteId);
        return await runs.Where(r => BackfillRun.ActiveStatuses.Contains(r.Status)).SingleOrDefaultAsync(ct)
            ?? await runs.OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The website's latest runs, newest first.</summary>
    public async Task<IReadOnlyList<BackfillRun>> RecentAsync(string websiteId, int count, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BackfillRuns.AsNoTracking().Where(r => r.WebsiteId == websiteId).OrderByDescending(r => r.Id).Take(count).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<BackfillRun>> WithStatusAsync(BackfillStatus status, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BackfillRuns.AsNoTracking().Where(r => r.Status == status).OrderBy(r => r.Id).ToListAsync(ct);
    }

    /// <summary>
    /// A new run in <see cref="BackfillStatus.Previewed"/>, replacing the website's previous preview;
    /// throws <see cref="BackfillConflictException"/> while another run is in progress.
    /// </summary>
    internal async Task<BackfillRun> AddPreviewAsync(string websiteId, DateTimeOffset from, DateTimeOffset until, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var active = await db.BackfillRuns.Where(r => r.WebsiteId == websiteId && BackfillRun.ActiveStatuses.Contains(r.Status)).ToListAsync(ct);
        if (active.Any(r => r.Status != BackfillStatus.Previewed))
            throw new BackfillConflictException(websiteId);
        db.BackfillRuns.RemoveRange(active); // a preview not started is a draft: the new one replaces it
        var now = clock.GetUtcNow();
        var run = new BackfillRun { WebsiteId = websiteId, From = from, Until = until, Status = BackfillStatus.Previewed, CreatedAt = now, UpdatedAt = now };
        db.BackfillRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (UniqueViolation.Is(error))
        {
            throw new BackfillConflictException(websiteId); // another tab previewed or started meanwhile
        }
        await transaction.CommitAsync(ct);
        Changed?.Invoke(run);
        return run;
    }

    /// <summary>
    /// Moves the run to <paramref name="to"/> if it is in one of <paramref name="from"/>; false otherwise.
    /// A new <paramref name="chain"/> hands the run to a new chain of batch jobs.
    /// </summary>
    internal async Task<bool> MoveAsync(long runId, IReadOnlyCollection<BackfillStatus> from, BackfillStatus to, string? chain = null,
        DateTimeOffset? resumesAt = null, string? error = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        int moved;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // One transaction: a reader that sees the run finished never sees its list still there.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            moved = await db.BackfillRuns.Where(r => r.Id == runId && from.Contains(r.Status)).ExecuteUpdateAsync(s =>
            {
                s.SetProperty(r => r.Status, to).SetProperty(r => r.UpdatedAt, now)
                    .SetProperty(r => r.ResumesAt, resumesAt).SetProperty(r => r.LastError, error);
                if (chain is not null)
                    s.SetProperty(r => r.Chain, chain);
                if (to == BackfillStatus.Running)
                    s.SetProperty(r => r.StartedAt, r => r.StartedAt ?? now);
                if (to is BackfillStatus.Done or BackfillStatus.Cancelled)
                    s.SetProperty(r => r.FinishedAt, now);
            }, ct);
            // A finished run's list is of no more use; its counts stay.
            if (moved == 1 && to is BackfillStatus.Done or BackfillStatus.Cancelled)
                await db.BackfillConversations.Where(c => c.RunId == runId).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
        }
        if (moved == 1)
            await RaiseChangedAsync(runId, ct);
        return moved == 1;
    }

    /// <summary>A listing failure Crisp may get over: said on the run, which stays as it is.</summary>
    internal async Task SetErrorAsync(long runId, string error, CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            await db.BackfillRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.LastError, error).SetProperty(r => r.UpdatedAt, clock.GetUtcNow()), ct);
        await RaiseChangedAsync(runId, ct);
    }

    /// <summary>
    /// One page of the conversation list: its messaging-channel conversations join the run's list (a
    /// session already there, from a page that shifted, is not added twice) and the cursor moves on.
    /// </summary>
    internal async Task AddListedAsync(long runId, ConversationsListed listed, CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var run = await db.BackfillRuns.SingleAsync(r => r.Id == runId, ct);
            var ids = listed.Channel.Select(c => c.SessionId).ToList();
            var known = (await db.BackfillConversations.Where(c => c.RunId == runId && ids.Contains(c.SessionId)).Select(c => c.SessionId).ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal);
            var added = 0;
            foreach (var conversation in listed.Channel.Where(c => known.Add(c.SessionId)))
            {
                db.BackfillConversations.Add(new BackfillConversation
                {
                    RunId = runId, SessionId = conversation.SessionId, Channel = conversation.Channel,
                    CreatedAt = conversation.CreatedAt, Position = run.Total + added++,
                });
            }
            run.NextPage++;
            run.Listed = listed.IsLast;
            run.Conversations += listed.Conversations;
            run.NotChannel += listed.NotChannel;
            run.Total += added;
            run.CrispCalls += listed.Calls;
            if (run.Status == BackfillStatus.Previewed)
                run.PreviewCalls += listed.Calls;
            run.LastError = null;
            run.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        await RaiseChangedAsync(runId, ct);
    }

    /// <summary>The next conversation of the run not decided yet, in listing order.</summary>
    internal async Task<BackfillConversation?> NextAsync(long runId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BackfillConversations.AsNoTracking().Where(c => c.RunId == runId && c.Result == null)
            .OrderBy(c => c.Position).FirstOrDefaultAsync(ct);
    }

    /// <summary>What a conversation came to, counted once, with the Crisp calls it cost.</summary>
    internal async Task RecordAsync(long runId, string sessionId, BackfillResult result, int calls, CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var marked = await db.BackfillConversations.Where(c => c.RunId == runId && c.SessionId == sessionId && c.Result == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Result, result), ct);
            // Cancelled while it was being decided: its list is gone, and what it did still counts.
            var counts = marked == 1 || await db.BackfillRuns.AnyAsync(r => r.Id == runId && r.Status == BackfillStatus.Cancelled, ct);
            if (counts)
            {
                await db.BackfillRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s =>
                {
                    s.SetProperty(r => r.CrispCalls, r => r.CrispCalls + calls).SetProperty(r => r.UpdatedAt, clock.GetUtcNow());
                    _ = result switch
                    {
                        BackfillResult.Created => s.SetProperty(r => r.Created, r => r.Created + 1),
                        BackfillResult.Existing => s.SetProperty(r => r.Existing, r => r.Existing + 1),
                        BackfillResult.Skipped => s.SetProperty(r => r.Skipped, r => r.Skipped + 1),
                        BackfillResult.Failed => s.SetProperty(r => r.Failed, r => r.Failed + 1),
                        BackfillResult.WouldCreate => s.SetProperty(r => r.WouldCreate, r => r.WouldCreate + 1),
                        _ => s.SetProperty(r => r.HadOutcome, r => r.HadOutcome + 1),
                    };
                }, ct);
            }
            await transaction.CommitAsync(ct);
        }
        await RaiseChangedAsync(runId, ct);
    }

    /// <summary>
    /// The run's conversations not decided yet, by channel: how many, and how many of them already have an
    /// outcome in the activity log.
    /// </summary>
    internal async Task<IReadOnlyDictionary<string, (int Waiting, int HadOutcome)>> WaitingAsync(BackfillRun run, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var waiting = db.BackfillConversations.AsNoTracking().Where(c => c.RunId == run.Id && c.Result == null);
        // The one-outcome index answers each lookup (IsOutcome is its filter).
        var outcomes = db.Activity.Where(ActivityLog.IsOutcome);
        var decided = waiting.Where(c => outcomes.Any(a => a.WebsiteId == run.WebsiteId && a.SessionId == c.SessionId));
        var all = await ByChannelAsync(waiting, ct);
        var had = await ByChannelAsync(decided, ct);
        return all.ToDictionary(c => c.Key, c => (c.Value, had.GetValueOrDefault(c.Key)));
    }

    private static async Task<Dictionary<string, int>> ByChannelAsync(IQueryable<BackfillConversation> conversations, CancellationToken ct) =>
        (await conversations.GroupBy(c => c.Channel ?? ActivityQueries.UnknownChannel).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(c => c.Key, c => c.Count);

    private async Task RaiseChangedAsync(long runId, CancellationToken ct)
    {
        if (Changed is null)
            return;
        if (await GetAsync(runId, ct) is { } run)
            Changed?.Invoke(run);
    }
}
