namespace RichContact.Engine.Activity;

/// <summary>One day's contacts created on one channel.</summary>
public sealed record DailyChannelCount(DateOnly Day, string Channel, int Count);
