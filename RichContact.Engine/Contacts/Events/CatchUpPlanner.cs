using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Settings;

namespace RichContact.Engine.Contacts;

/// <summary>
/// Puts <see cref="CatchUpPlan"/> and <see cref="CatchUpBudget"/> to work for <see cref="OutageCatchUp"/>:
/// leaves out the websites that need no catch-up, orders the rest by the traffic this node heard, and
/// says on the overview, in the log and in a metric what a gap did not list.
/// </summary>
public sealed class CatchUpPlanner(
    WebsiteTraffic traffic,
    CrispRequestBudget budget,
    CatchUpStatus status,
    IOptions<CatchUpOptions> options,
    TimeProvider clock,
    ILogger<CatchUpPlanner>? logger = null,
    WebsiteSettingsStore? settings = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<CatchUpPlanner>.Instance;

    /// <summary>What one attempt at a gap lists, and the calls it may spend on it.</summary>
    public sealed record Attempt(CatchUpPlan Plan, CatchUpBudget Budget, int Eligible, TimeSpan Gap);

    /// <param name="websites">Subscribed websites not listed yet for this gap.</param>
    /// <param name="alreadyListed">Websites earlier attempts at this gap listed.</param>
    public async Task<Attempt> PlanAsync(IEnumerable<string> websites, TimeSpan gap, int alreadyListed, CancellationToken ct)
    {
        var eligible = new List<string>();
        foreach (var websiteId in websites)
            if (await NeedsCatchUpAsync(websiteId, ct))
                eligible.Add(websiteId);
        var catchUp = options.Value;
        var plan = CatchUpPlan.For(eligible, traffic.LastHeard, gap, catchUp.WebsitesPerGapSecond, alreadyListed);
        return new Attempt(plan, CatchUpBudget.For(budget, catchUp.BudgetPercent), eligible.Count + alreadyListed, gap);
    }

    /// <summary>A website switched off, or monitoring no channel, would create no contact from what it lists.</summary>
    private async Task<bool> NeedsCatchUpAsync(string websiteId, CancellationToken ct)
    {
        if (settings is null)
            return true;
        try
        {
            var website = await settings.GetAsync(websiteId, ct);
            return website.Enabled && (website.AllChannels || website.Channels.Length > 0);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Settings unreadable: listed, like the contact job would try it.
            return true;
        }
    }

    /// <summary>The gap is done: what it left out (beyond its length's allowance, or over its budget) is said, never dropped in silence.</summary>
    public void Report(Attempt attempt, int notListed)
    {
        if (notListed <= 0)
            return;
        var seconds = Math.Max(1, Math.Ceiling(attempt.Gap.TotalSeconds));
        var overBudget = attempt.Budget.HasRoom ? "" : $" (catch-up budget of {attempt.Budget.Calls} Crisp calls spent)";
        _logger.LogInformation("Catch-up of a {Seconds:0} s gap did not list {NotListed} of {Eligible} websites{OverBudget}; a conversation started there meanwhile gets its contact at its visitor's next message",
            seconds, notListed, attempt.Eligible, overBudget);
        status.NotListed(notListed,
            $"{seconds:0} s gap: {notListed} of {attempt.Eligible} websites not listed{overBudget}, their next message will be heard.", clock.GetUtcNow());
    }
}
