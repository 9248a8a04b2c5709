using RichContact.Engine.Channels;

namespace RichContact.Engine.Activity;

/// <summary>Which entries a view of the activity log shows; null means "any".</summary>
public sealed record ActivityFilter(string? WebsiteId = null, string? Channel = null, ActivityOutcome? Outcome = null)
{
    public bool Matches(ActivityEntry entry) =>
        (WebsiteId is null || entry.WebsiteId == WebsiteId) &&
        (Channel is null || entry.Channel == Channel
            || (Channel == ChannelOrigin.Other && entry.Channel is not null && ChannelOrigin.Label(entry.Channel) == ChannelOrigin.Other)) &&
        (Outcome is null || entry.Outcome == Outcome);
}
