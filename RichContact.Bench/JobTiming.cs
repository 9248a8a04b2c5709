namespace RichContact.Bench;

/// <summary>
/// Where a contact job's time goes after the window's exact end (the tracker's first message + window),
/// per job, in ms. Rounding: Hangfire's whole-second due time (the durable fallback) minus the window end.
/// </summary>
public sealed record JobTiming(double RoundingMs, double EnqueueDelayMs, double QueuePickupMs, double LatenessMs, double RunMs, DateTimeOffset EnqueuedAt);
