namespace RichContact.Engine.Activity;

/// <summary>
/// In-process stream of new activity entries. <see cref="Recorded"/> is the live feed: every entry,
/// this node's and, with several nodes, the other nodes' (<see cref="ActivityFeed"/>); the portal
/// subscribes to it. <see cref="RecordedHere"/> is this node's own entries only: what the metrics count,
/// so that summing a counter over the nodes counts each conversation once.
/// </summary>
public sealed class ActivityStream
{
    public event Action<ActivityEntry>? Recorded;

    public event Action<ActivityEntry>? RecordedHere;

    /// <summary>An entry this node recorded.</summary>
    internal void Publish(ActivityEntry entry)
    {
        RecordedHere?.Invoke(entry);
        Recorded?.Invoke(entry);
    }

    /// <summary>An entry another node recorded, heard on the cluster-wide feed.</summary>
    internal void PublishFromAnotherNode(ActivityEntry entry) => Recorded?.Invoke(entry);
}
