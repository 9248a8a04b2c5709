namespace RichContact.Engine.Crisp;

/// <summary>Configuration section <c>RichContact:Crisp</c>: the plugin token from the Crisp Marketplace.</summary>
public sealed class CrispOptions
{
    public const string DefaultApiUrl = "https://api.crisp.chat/v1/";

    /// <summary>The plugin token identifier. Empty together with <see cref="Key"/>: sandbox mode.</summary>
    public string? Identifier { get; set; }

    /// <summary>The plugin token key (a secret: never logged).</summary>
    public string? Key { get; set; }

    public string ApiUrl { get; set; } = DefaultApiUrl;

    /// <summary>Crisp's daily request quota for the plugin (5,000 by default in the Marketplace).</summary>
    public int DailyRequestBudget { get; set; } = 5000;

    /// <summary>
    /// After an RTM outage, a stop or dropped events, the catch-up lists conversations created since the
    /// last event handled, but a gap longer than this (measured back from its end, the reconnect) is
    /// caught up only for its most recent part, with a warning in the log and on the overview. A
    /// catch-up deferred to the next UTC day by the budget keeps its gap: the wait does not count.
    /// </summary>
    public double CatchUpMaxGapMinutes { get; set; } = 60;

    /// <summary>
    /// After Crisp refuses the plugin token on RTM (<c>unauthorized</c>), wait this long before trying
    /// again (doubling while it keeps refusing, up to an hour). A refusal may be spurious; trying again
    /// sooner would hammer Crisp with keys it refuses (crisp-api.md §6).
    /// </summary>
    public double UnauthorizedRetryMinutes { get; set; } = 10;

    public bool HasCredentials => !string.IsNullOrWhiteSpace(Identifier) && !string.IsNullOrWhiteSpace(Key);
}
