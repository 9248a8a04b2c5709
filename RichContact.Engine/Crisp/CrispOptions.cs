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
    /// One gap's catch-up lists at most this many websites per second the gap lasted (a 1-second RTM drop,
    /// 2 to 4 s from the last sign of life to the catch-up: 20 to 40 websites, the most recently heard
    /// first; a 5-minute deploy: 3,000). A gap holds only the
    /// conversations that started during it; a website left out gets its contact at its visitor's next
    /// message (docs/catch-up.md). 0 lists every website whatever the gap.
    /// </summary>
    public int CatchUpWebsitesPerGapSecond { get; set; } = 10;

    /// <summary>
    /// One gap's catch-up spends at most this share (in %) of what is left of the day's
    /// <see cref="DailyRequestBudget"/> when it starts; the websites it could not list are shown on the
    /// overview and counted in <c>richcontact.catchup.websites_not_listed</c>.
    /// </summary>
    public double CatchUpBudgetPercent { get; set; } = 10;

    /// <summary>
    /// After Crisp refuses the plugin token on RTM (<c>unauthorized</c>), wait this long before trying
    /// again, doubling while it keeps refusing up to <see cref="Rtm.RtmTimings.MaxUnauthorizedRetryMinutes"/>.
    /// A refusal may be spurious (a minute's outage, not ten); a token Crisp keeps refusing is tried
    /// ever more rarely, so that Crisp is not hammered with keys it refuses (docs/crisp.md).
    /// </summary>
    public double UnauthorizedRetryMinutes { get; set; } = 1;

    /// <summary>
    /// How Crisp's events reach this process: <see cref="CrispEventSource.Rtm"/> (one Socket.IO
    /// connection, the default) or <see cref="CrispEventSource.Hooks"/> (Crisp POSTs them to
    /// <c>/crisp/hooks</c>, signed with <see cref="HookSecret"/>).
    /// </summary>
    public CrispEventSource Events { get; set; } = CrispEventSource.Rtm;

    /// <summary>The plugin's Web Hooks secret from the Crisp Marketplace (a secret: never logged). Required with <see cref="CrispEventSource.Hooks"/>.</summary>
    public string? HookSecret { get; set; }

    public bool HasCredentials => !string.IsNullOrWhiteSpace(Identifier) && !string.IsNullOrWhiteSpace(Key);
}
