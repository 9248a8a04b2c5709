using RichContact.Engine.Storage;

namespace RichContact.Engine.Activity;

/// <summary>
/// How an entry this node records reaches every node's live feed. One process: saved, and raised in
/// the process (<see cref="ProcessActivityFeed"/>). Several nodes on PostgreSQL: saved in one
/// transaction with a NOTIFY that the other nodes' <see cref="ActivityFeed"/> hear.
/// </summary>
public interface IActivityFeed
{
    /// <summary>Saves <paramref name="db"/>'s changes, which add <paramref name="entry"/>; throws what the save throws.</summary>
    Task SaveAsync(RichContactDb db, ActivityEntry entry, CancellationToken ct);
}
