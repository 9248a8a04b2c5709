namespace RichContact.Engine.Activity;

/// <summary>
/// What happened to one conversation. Ids, channel, outcome, timings and REST-call counts only:
/// never a phone number, name, email or city: nothing personal is kept at rest (PrivacyTests).
/// </summary>
public sealed class ActivityEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; } = DateTimeOffset.UtcNow;
    public required string WebsiteId { get; set; }
    public required string SessionId { get; set; }
    public string? Channel { get; set; }
    public ActivityOutcome Outcome { get; set; }

    /// <summary>A short machine code (<c>no_identity</c>, <c>disabled</c>, <c>crisp_429</c>...), never free text from Crisp.</summary>
    public string? Reason { get; set; }

    /// <summary>The created or existing Crisp people profile, when known.</summary>
    public string? PeopleId { get; set; }

    public DateTimeOffset? FirstMessageAt { get; set; }

    /// <summary>Milliseconds from the conversation's first message to this outcome.</summary>
    public long? ElapsedMs { get; set; }

    /// <summary>Crisp REST calls this conversation cost (each one is daily quota).</summary>
    public int RestCalls { get; set; }

    /// <summary>
    /// The backfill run that decided this past conversation (Backfill/), or null for a conversation heard
    /// live. Its <see cref="FirstMessageAt"/> is then the conversation's creation time in Crisp and
    /// <see cref="ElapsedMs"/> stays null: days between a message and a backfill are not latency.
    /// </summary>
    public long? BackfillRunId { get; set; }

    /// <summary>The contact was created with a placeholder email (<c>&lt;digits&gt;@&lt;channel&gt;.nomail</c>): a real one may mend it later.</summary>
    public bool Placeholder { get; set; }
}
