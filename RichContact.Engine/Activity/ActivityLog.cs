using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Activity;

/// <summary>
/// Stores activity entries in SQLite and publishes them to the live stream. Storage failures go to
/// <see cref="StorageStatus"/> (and on to the caller: a contact job's retry writes the entry later).
/// Each entry is saved through <see cref="IActivityFeed"/>: with several nodes, also announced to the other nodes' live feeds.
/// </summary>
public sealed class ActivityLog(IDbContextFactory<RichContactDb> dbFactory, ActivityStream stream, StorageStatus storage, IActivityFeed feed)
{
    /// <summary>
    /// This process's entries are written one at a time. SQLite lets one writer in; Microsoft.Data.Sqlite
    /// answers a busy database by putting the thread to sleep and trying again, so dozens of contact
    /// runs writing at once spent their time asleep, holding threads, instead of waiting their turn here.
    /// </summary>
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>
    /// The entries that decide a conversation, and only one of which it may have: written as SQLite
    /// reads <see cref="ActivityTable.OutcomeIndexFilter"/>, term for term, or it would not use that index.
    /// </summary>
    internal static readonly Expression<Func<ActivityEntry, bool>> IsOutcome = e =>
        e.Outcome == ActivityOutcome.Created || e.Outcome == ActivityOutcome.Existing
        || e.Outcome == ActivityOutcome.Skipped || e.Outcome == ActivityOutcome.WouldCreate;

    /// <summary>
    /// False when the conversation already has an outcome (created, existing, skipped or would create): the entry
    /// is dropped, not doubled. Two writers can decide one conversation — the tracker skips at the
    /// first message, the job later, and a restart's catch-up replays conversations already decided —
    /// and only the unique index sees them all.
    /// </summary>
    public async Task<bool> RecordAsync(ActivityEntry entry, CancellationToken ct = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Activity.Add(entry);
            await _writer.WaitAsync(ct);
            try
            {
                await feed.SaveAsync(db, entry, ct);
            }
            finally
            {
                _writer.Release();
            }
        }
        catch (DbUpdateException error) when (UniqueViolation.Is(error)) // the insert ActivityTable.OutcomeIndex refused
        {
            storage.Succeeded(StorageFile.Database); // it answered: the row is there
            return false;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            storage.Failed(StorageFile.Database, error);
            throw;
        }
        storage.Succeeded(StorageFile.Database);
        stream.Publish(entry);
        return true;
    }

    /// <summary>
    /// The entry of the contact Rich Contact created for the conversation with a placeholder email,
    /// while no mend was recorded for it; else null.
    /// </summary>
    public async Task<ActivityEntry?> UnmendedPlaceholderAsync(string websiteId, string sessionId, CancellationToken ct = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            // The outcome first, by the one-outcome index (every email event of every conversation asks).
            var outcome = await db.Activity.AsNoTracking()
                .Where(e => e.WebsiteId == websiteId && e.SessionId == sessionId)
                .Where(IsOutcome)
                .SingleOrDefaultAsync(ct);
            if (outcome is not { Outcome: ActivityOutcome.Created, Placeholder: true })
                return null;
            var mended = await db.Activity.AnyAsync(e => e.WebsiteId == websiteId && e.SessionId == sessionId && e.Outcome == ActivityOutcome.Mend, ct);
            return mended ? null : outcome;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            storage.Failed(StorageFile.Database, error);
            throw;
        }
    }

    /// <summary>
    /// True when the conversation was already decided (created, existing, skipped or would create): contact jobs
    /// check it first, so a retry, duplicate or restart does the work only once. Failures do not count.
    /// </summary>
    public async Task<bool> HasOutcomeAsync(string websiteId, string sessionId, CancellationToken ct = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await db.Activity.Where(e => e.WebsiteId == websiteId && e.SessionId == sessionId).AnyAsync(IsOutcome, ct);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Locked past the command timeout: the job's retry asks again. A read that works proves
            // nothing about writes (a full disk still reads), so only the next write clears it.
            storage.Failed(StorageFile.Database, error);
            throw;
        }
    }
}
