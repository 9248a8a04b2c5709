using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Activity;

/// <summary>
/// Stores activity entries in SQLite and publishes them to the live stream. Storage failures go to
/// <see cref="StorageStatus"/> (and on to the caller: a contact job's retry writes the entry later).
/// </summary>
public sealed class ActivityLog(IDbContextFactory<RichContactDb> dbFactory, ActivityStream stream, StorageStatus storage)
{
    /// <summary>SQLITE_CONSTRAINT_UNIQUE: the insert that <see cref="RichContactDb.OutcomeIndex"/> refused.</summary>
    private const int UniqueConstraintFailed = 2067;

    /// <summary>
    /// False when the conversation already has an outcome (created, existing or skipped): the entry
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
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (error.GetBaseException() is SqliteException { SqliteExtendedErrorCode: UniqueConstraintFailed })
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
    /// True when the conversation was already decided (created, existing or skipped): contact jobs
    /// check it first, so a retry, duplicate or restart does the work only once. Failures do not count.
    /// </summary>
    public async Task<bool> HasOutcomeAsync(string websiteId, string sessionId, CancellationToken ct = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await db.Activity.AnyAsync(e => e.WebsiteId == websiteId && e.SessionId == sessionId && e.Outcome != ActivityOutcome.Failed, ct);
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
