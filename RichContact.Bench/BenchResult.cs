namespace RichContact.Bench;

/// <summary>Everything one run measured; printed by <see cref="Report"/> and written as JSON.</summary>
public sealed record BenchResult
{
    public required BenchOptions Options { get; init; }
    public required string Sandbox { get; init; }
    /// <summary>"SQLite", or "PostgreSQL, N node(s)" (the connection string is never written).</summary>
    public required string Storage { get; init; }
    /// <summary>The node that held Crisp's RTM socket when driving began.</summary>
    public string? RtmHolder { get; init; }
    /// <summary>Outcomes by the node whose live stream raised them first: nearly always the node that recorded them.</summary>
    public required IReadOnlyDictionary<string, int> OutcomesFirstRaisedBy { get; init; }
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
    /// <summary>With <c>--rtm-drop-every</c>: what the drops cost.</summary>
    public RtmDropFigures? Drops { get; init; }
}
