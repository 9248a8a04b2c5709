namespace RichContact.Bench;

public sealed record SchedulerFigures
{
    public int JobsSampled { get; init; }
    /// <summary>Creating one Hangfire job (the tracker does it on the RTM dispatcher's loop).</summary>
    public required Percentiles JobCreateMs { get; init; }
    /// <summary>One Hangfire state change requested by the engine (the window-end enqueue).</summary>
    public required Percentiles ChangeStateMs { get; init; }
    /// <summary>Hangfire's fallback due time minus the window's exact end: the round-up to whole seconds.</summary>
    public required Percentiles RoundingMs { get; init; }
    /// <summary>Job start minus its due time, the window's exact end (enqueue delay + queue pick-up).</summary>
    public required Percentiles LatenessMs { get; init; }
    /// <summary>Moved to the queue minus the window's end (the tracker's timer, else the schedule poller).</summary>
    public required Percentiles EnqueueDelayMs { get; init; }
    public required Percentiles QueuePickupMs { get; init; }
    /// <summary>Jobs moved to the queue per second over the sampled jobs (the throughput of that step when it had a backlog).</summary>
    public double PollerJobsPerSecond { get; init; }
    /// <summary>Hangfire's own counters when the outcome wait ended (a loss shows up here as scheduled, retried or failed).</summary>
    public string? HangfireAtEndOfWait { get; init; }
    /// <summary>Job start → outcome recorded (settings, search, create, SQLite write).</summary>
    public required Percentiles RunMs { get; init; }
}
