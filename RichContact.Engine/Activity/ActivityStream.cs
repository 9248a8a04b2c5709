namespace RichContact.Engine.Activity;

/// <summary>In-process stream of new activity entries; the portal's live feed subscribes to it.</summary>
public sealed class ActivityStream
{
    public event Action<ActivityEntry>? Recorded;

    internal void Publish(ActivityEntry entry) => Recorded?.Invoke(entry);
}
