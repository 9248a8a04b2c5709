using RichContact.Engine.Settings;

namespace RichContact.Engine.Backfill;

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
        var high = toProcess * (settings.PreviewOnly ? CallsPerExisting
            : BackfillAllowance.CallsPerContact + Contacts.NewContactFollowUps.CallsPerCreated(settings));
        var available = allowance.Available;
        var days = high <= available ? 1 : allowance.PerDay == 0 ? int.MaxValue : 1 + (int)Math.Ceiling((high - available) / (double)allowance.PerDay);
        return new BackfillPreview(run, byChannel, hadOutcome, notMonitored, toProcess, low, high, allowance.LeftToday, allowance.Reserve, available, days, settings.PreviewOnly);
    }
}
