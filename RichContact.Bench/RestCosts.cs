namespace RichContact.Bench;

public sealed record RestCosts
{
    public double PerCreated { get; init; }
    public double PerExisting { get; init; }
    /// <summary>Skipped for any reason but an exclusion.</summary>
    public double PerSkipped { get; init; }
    /// <summary>Skipped because the website excludes the visitor.</summary>
    public double PerExcluded { get; init; }
    /// <summary>The conversations of the mix's phone-less channels (Instagram, Messenger) alone: how many of each outcome...</summary>
    public required IReadOnlyDictionary<string, int> PhonelessOutcomes { get; init; }
    /// <summary>... and the calls each cost on average.</summary>
    public required IReadOnlyDictionary<string, double> PhonelessCalls { get; init; }
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
