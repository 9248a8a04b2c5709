namespace RichContact.Bench;

/// <summary>Everything one run measured; printed by <see cref="Report"/> and written as JSON.</summary>
public sealed record BenchResult
{
    public required BenchOptions Options { get; init; }
    public required string Sandbox { get; init; }
    /// <summary>/proc/loadavg (1, 5, 15 min) before and after: other work on the machine skews the figures.</summary>
    public string? LoadBefore { get; init; }
    public string? LoadAfter { get; init; }

    public int Started { get; init; }
    /// <summary>Conversations per second the driver actually achieved (below the asked rate when it could not keep up).</summary>
    public double AchievedRate { get; init; }
    /// <summary>Conversations the sandbox's control API failed to start (not counted anywhere else).</summary>
    public int StartFailures { get; init; }
    /// <summary>Chat and email conversations: the engine must leave them alone (no outcome).</summary>
    public int Ignorable { get; init; }
    public int Expected { get; init; }
    /// <summary>Channel conversations without an outcome when the wait ended: losses, must be 0.</summary>
    public int Lost { get; init; }
    /// <summary>Outcomes for conversations that should have none (chat/email), or a second outcome for one conversation.</summary>
    public int Unexpected { get; init; }
    /// <summary>Placeholder contacts whose real email came later (the window closed before it): mend entries.</summary>
    public int Mends { get; init; }
    public required IReadOnlyDictionary<string, int> Outcomes { get; init; }

    /// <summary>First message leaving the sandbox → the contact's creation reaching it (both sandbox clock), created contacts.</summary>
    public required Percentiles CreationLatencyMs { get; init; }
    public required Percentiles CreationOverheadMs { get; init; }
    /// <summary>The overhead of the contacts whose first message came in each 10 s of the run: flat, or growing with a backlog.</summary>
    public required IReadOnlyList<OverheadSlice> OverheadOverTime { get; init; }
    /// <summary>First message leaving the sandbox → outcome recorded, every outcome (sandbox and engine clocks, same machine).</summary>
    public required Percentiles OutcomeLatencyMs { get; init; }
    /// <summary>First message leaving the sandbox → the engine's tracker seeing it (RTM delivery and the event queue).</summary>
    public required Percentiles RtmDeliveryMs { get; init; }

    public required RestCosts Rest { get; init; }
    public required SchedulerFigures Scheduler { get; init; }
    public required ResourceFigures Resources { get; init; }
    public double WaitSeconds { get; init; }
}

public sealed record RestCosts
{
    public double PerCreated { get; init; }
    public double PerExisting { get; init; }
    public double PerSkipped { get; init; }
    /// <summary>How many created contacts cost 1, 2, 3... calls.</summary>
    public required IReadOnlyDictionary<int, int> CreatedByCalls { get; init; }
    /// <summary>Calls the sandbox counted during the run, and the part no activity entry accounts for (start-up, follow-ups).</summary>
    public long SandboxDuringRun { get; init; }
    public long Unattributed { get; init; }
    public int FollowUpsInWindow { get; init; }
    /// <summary>The measured follow-up phase: messages sent to conversations that already had an outcome, and the calls they caused.</summary>
    public int FollowUpsAfter { get; init; }
    public long FollowUpCalls { get; init; }
    public int FollowUpOutcomes { get; init; }
    public double PerFollowUp => FollowUpsAfter == 0 ? 0 : (double)FollowUpCalls / FollowUpsAfter;
}

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

public sealed record ResourceFigures
{
    public double CpuSeconds { get; init; }
    public double WallSeconds { get; init; }
    /// <summary>Seconds our threads were runnable but waited for a core (summed over threads): the machine's contention.</summary>
    public double RunQueueWaitSeconds { get; init; }
    /// <summary>CPU time over wall time, in cores (2 = both cores busy all along).</summary>
    public double CoresBusy => WallSeconds == 0 ? 0 : CpuSeconds / WallSeconds;
    public double BaselineWorkingSetMb { get; init; }
    public double PeakWorkingSetMb { get; init; }
    public double FinalWorkingSetMb { get; init; }
    public double BaselineHeapMb { get; init; }
    public double FinalHeapMb { get; init; }
    /// <summary>Managed heap left per conversation after the run and a full GC (engine and, in-process, sandbox state).</summary>
    public double RetainedBytesPerConversation { get; init; }
}
