using RichContact.Engine.Storage;

namespace RichContact.Engine.Activity;

/// <summary><see cref="IActivityFeed"/> of a single process: nobody else to tell.</summary>
internal sealed class ProcessActivityFeed : IActivityFeed
{
    public Task SaveAsync(RichContactDb db, ActivityEntry entry, CancellationToken ct) => db.SaveChangesAsync(ct);
}
