namespace RichContact.Engine.Activity;

/// <summary>What the overview and the settings page summarise; <see cref="ByWebsite"/> counts conversations (mends aside), most first.</summary>
public sealed record ActivityStats(
    IReadOnlyDictionary<ActivityOutcome, int> ByOutcome,
    IReadOnlyDictionary<string, int> ByChannel,
    IReadOnlyList<DailyChannelCount> CreatedPerDay,
    long? P50ElapsedMs,
    long? P95ElapsedMs,
    IReadOnlyDictionary<string, int> ByWebsite)
{
    /// <summary>Conversations: every outcome but the mends, which are a second entry of a conversation already counted.</summary>
    public int Total => ByOutcome.Where(o => o.Key != ActivityOutcome.Mend).Sum(o => o.Value);
}
