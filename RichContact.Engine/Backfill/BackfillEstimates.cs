using RichContact.Engine.Settings;

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

public sealed class BackfillEstimates(BackfillStore store, WebsiteSettingsStore settingsStore, BackfillAllowance allowance)
{
    /// <summary>Crisp calls an existing contact costs a backfill (meta, search); a created one costs <see cref="BackfillAllowance.CallsPerContact"/>.</summary>
    public const int CallsPerExisting = 2;

    public async Task<BackfillPreview> ForAsync(BackfillRun run, CancellationToken ct = default)
    {
        var waiting = await store.WaitingAsync(run, ct);
        var settings = await settingsStore.GetAsync(run.WebsiteId, ct);
        var hadOutcome = waiting.Values.Sum(c => c.HadOutcome);
        // Those with an outcome are passed over whatever the settings say: counted there only.
        var notMonitored = waiting.Where(c => !settings.Monitors(c.Key)).Sum(c => c.Value.Waiting - c.Value.HadOutcome);
        var toProcess = waiting.Values.Sum(c => c.Waiting) - hadOutcome - notMonitored;
        var byChannel = waiting.ToDictionary(c => c.Key, c => c.Value.Waiting);
        var low = toProcess * CallsPerExisting;
        // In preview only nothing is created: the meta read and the search.
        var high = toProcess * (settings.PreviewOnly ? CallsPerExisting : BackfillAllowance.CallsPerContact);
        var available = allowance.Available;
        var days = high <= available ? 1 : allowance.PerDay == 0 ? int.MaxValue : 1 + (int)Math.Ceiling((high - available) / (double)allowance.PerDay);
        return new BackfillPreview(run, byChannel, hadOutcome, notMonitored, toProcess, low, high, allowance.LeftToday, allowance.Reserve, available, days, settings.PreviewOnly);
    }
}
