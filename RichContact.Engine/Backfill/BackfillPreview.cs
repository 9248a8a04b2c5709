namespace RichContact.Engine.Backfill;

/// <summary>
/// What is left of a run, and what it should cost, against today's Crisp budget: the preview's numbers
/// (and a running run's, for what it has not done yet).
/// </summary>
/// <param name="ByChannel">Conversations still to decide, by channel.</param>
/// <param name="HadOutcome">Among them, those with an outcome already: passed over without a Crisp call.</param>
/// <param name="NotMonitored">Among them, those the website's settings leave out (channel not monitored, or Rich Contact off): skipped without a call.</param>
/// <param name="ToProcess">The rest: each costs a meta read, a people search and, for a new contact, a create.</param>
/// <param name="DaysNeeded">1 when the estimate fits in what a backfill may spend today; else the UTC days it spreads over.</param>
/// <param name="PreviewOnly">The website is in preview only: the run creates nothing and records what it would create.</param>
public sealed record BackfillPreview(
    BackfillRun Run,
    IReadOnlyDictionary<string, int> ByChannel,
    int HadOutcome,
    int NotMonitored,
    int ToProcess,
    int CallsLow,
    int CallsHigh,
    int LeftToday,
    int Reserve,
    int AvailableToday,
    int DaysNeeded,
    bool PreviewOnly = false)
{
    public int Waiting => ByChannel.Values.Sum();

    /// <summary>The preview stopped at its cap: the run lists the rest, one call per 50 conversations.</summary>
    public bool MoreToList => !Run.Listed;
}
