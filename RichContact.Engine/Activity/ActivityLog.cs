using Microsoft.EntityFrameworkCore;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Activity;

/// <summary>Stores activity entries in SQLite and publishes them to the live stream.</summary>
public sealed class ActivityLog(IDbContextFactory<RichContactDb> dbFactory, ActivityStream stream)
{
    public async Task RecordAsync(ActivityEntry entry, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.Activity.Add(entry);
            await db.SaveChangesAsync(ct);
        }
        stream.Publish(entry);
    }

    /// <summary>
    /// True when the conversation was already decided (created, existing or skipped): contact jobs
    /// check it first, so a retry, duplicate or restart does the work only once. Failures do not count.
    /// </summary>
    public async Task<bool> HasOutcomeAsync(string websiteId, string sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Activity.AnyAsync(e => e.WebsiteId == websiteId && e.SessionId == sessionId && e.Outcome != ActivityOutcome.Failed, ct);
    }
}
