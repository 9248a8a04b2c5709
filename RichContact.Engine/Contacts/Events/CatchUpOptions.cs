namespace RichContact.Engine.Contacts;

/// <summary>
/// Configuration section <c>RichContact:CatchUp</c>: how the catch-up (<see cref="OutageCatchUp"/>)
/// lists the conversations created while no event was heard (docs/catch-up.md), within what bounds and
/// what share of the day's Crisp quota; tests shorten its clocks.
/// </summary>
public sealed class CatchUpOptions
{
    public const string Section = "RichContact:CatchUp";

    /// <summary>
    /// After an RTM outage, a stop or dropped events, the catch-up lists conversations created since the
    /// last event handled, but a gap longer than this (measured back from its end, the reconnect) is
    /// caught up only for its most recent part, with a warning in the log and on the overview. A
    /// catch-up deferred to the next UTC day by the budget keeps its gap: the wait does not count.
    /// </summary>
    public double MaxGapMinutes { get; set; } = 60;

    /// <summary>
    /// One gap's catch-up lists at most this many websites per second the gap lasted (a 1-second RTM drop,
    /// 2 to 4 s from the last sign of life to the catch-up: 20 to 40 websites, the most recently heard
    /// first; a 5-minute deploy: 3,000). A gap holds only the
    /// conversations that started during it; a website left out gets its contact at its visitor's next
    /// message (docs/catch-up.md). 0 lists every website whatever the gap.
    /// </summary>
    public int WebsitesPerGapSecond { get; set; } = 10;

    /// <summary>
    /// One gap's catch-up spends at most this share (in %) of what is left of the day's
    /// <see cref="Crisp.CrispOptions.DailyRequestBudget"/> when it starts; the websites it could not list are shown on the
    /// overview and counted in <c>richcontact.catchup.websites_not_listed</c>.
    /// </summary>
    public double BudgetPercent { get; set; } = 10;

    /// <summary>How far before the drop the catch-up looks (clock skew, events in flight).</summary>
    public double MarginSeconds { get; set; } = 30;

    /// <summary>A catch-up that failed (not for the budget: that one waits for the next UTC day) is tried again after this, doubling up to <see cref="MaxRetryDelayMinutes"/>.</summary>
    public double RetryDelayMinutes { get; set; } = 1;
    public double MaxRetryDelayMinutes { get; set; } = 30;

    public TimeSpan MaxGap => TimeSpan.FromMinutes(MaxGapMinutes);
    public TimeSpan Margin => TimeSpan.FromSeconds(MarginSeconds);
    public TimeSpan RetryDelay => TimeSpan.FromMinutes(RetryDelayMinutes);
    public TimeSpan MaxRetryDelay => TimeSpan.FromMinutes(MaxRetryDelayMinutes);

    public TimeSpan RetryDelayFor(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(RetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 10)), MaxRetryDelay.TotalMilliseconds));
}
