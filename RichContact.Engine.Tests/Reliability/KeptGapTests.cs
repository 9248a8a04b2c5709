using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Crisp;
using RichContact.Engine.Storage;
using RichContact.Engine.Tests.EndToEnd;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Reliability;

/// <summary>
/// A catch-up the spent quota keeps pending across two restarts (RELIABILITY.md): the first gap keeps the
/// end it was given when first tried, so that the maximum gap is not counted from the second restart, and
/// the second downtime is a gap of its own.
/// </summary>
public class KeptGapTests : EngineEndToEndTest
{
    // One minute stands for the hour: the second restart comes more than that after the first gap's end.
    private static readonly TimeSpan MaxGap = TimeSpan.FromMinutes(1);
    private SteppedClock? _budgetClock;

    protected override IDictionary<string, string?> EngineSettings => new Dictionary<string, string?>
    {
        ["RichContact:CatchUp:MarginSeconds"] = "0.1",
        ["RichContact:CatchUp:MaxGapMinutes"] = "1",
    };

    protected override void ConfigureServices(IServiceCollection services)
    {
        // The budget on a clock the test moves to the next UTC day; everything else on the real one.
        if (_budgetClock is { } clock)
            services.AddSingleton(sp => new CrispRequestBudget(sp.GetRequiredService<IOptionsMonitor<CrispOptions>>(), clock,
                sp.GetRequiredService<ILogger<CrispRequestBudget>>(),
                sp.GetRequiredService<DataDirectory>().RequestBudget));
    }

    private IReadOnlyList<CatchUpGap> KeptGaps => Engine.Get<OutageCatchUp>().KeptGaps;

    [Fact]
    public async Task Gap_pending_across_a_second_restart_keeps_its_own_bounds_and_both_downtimes_get_their_contacts()
    {
        _budgetClock = new SteppedClock(DateTimeOffset.UtcNow);
        await StopEngineAsync();
        await StartEngineAsync(); // now on the stepped budget clock; it learns the endpoint and the websites
        var budget = Engine.Get<CrispRequestBudget>();
        while (!budget.IsExhausted)
            budget.Spend();
        await StopEngineAsync(); // saves the spent budget

        var first = await StartConversationAsync("whatsapp", phone: "+351912345602"); // downtime 1
        await StartEngineAsync();
        await Eventually.TrueAsync(() => KeptGaps.Count >= 1, "the first downtime's gap to be tried and wait for the budget");
        // Past the end of every gap this process keeps (a reconnect under load may add one, even after the first).
        await Eventually.TrueAsync(() => KeptGaps is { Count: > 0 } gaps && DateTimeOffset.UtcNow > gaps.Max(g => g.Until) + MaxGap + TimeSpan.FromSeconds(5),
            "more than the maximum gap to pass since the first gaps' end", MaxGap * 3);
        // Traffic heard live just before the stop: Crisp was heard until then (deferred, like any contact while the quota is spent).
        var heard = await StartConversationAsync("telegram", phone: "+351912345604");
        Assert.Equal((ActivityOutcome.Failed, ReasonCodes.BudgetExhausted), ((await Activity.OutcomeAsync(heard)).Outcome, (await Activity.OutcomeAsync(heard)).Reason));
        await StopEngineAsync();
        // The gaps as the first process left them for the next one: each must keep its bounds.
        var firstGaps = MarkedEvents.Parse(File.ReadAllText(Path.Combine(Data.Path, DataDirectory.LastEventMarkFileName)))!.Gaps;
        Assert.NotEmpty(firstGaps);
        var firstEnd = firstGaps.Max(g => g.Until);

        var beforeSecond = DateTimeOffset.UtcNow;
        var second = await StartConversationAsync("telegram", phone: "+351912345603"); // downtime 2
        var afterSecond = DateTimeOffset.UtcNow;
        await StartEngineAsync();
        await Eventually.TrueAsync(() => KeptGaps.Any(g => g.Until >= afterSecond), "the second downtime's gap to be tried and wait for the budget");

        // Their own bounds (gaps that fit in the maximum together may be listed as one), not stretched to the second restart.
        Assert.All(firstGaps, g => Assert.Contains(KeptGaps, k => k.Since <= g.Since && g.Until <= k.Until && k.Until <= firstEnd));
        Assert.Contains(KeptGaps, g => g.Since > firstEnd && g.Since <= beforeSecond && g.Until >= afterSecond && g.Until - g.Since < MaxGap);
        Assert.Empty(Activity.For(first));
        Assert.Empty(Activity.For(second));

        _budgetClock.Advance(TimeSpan.FromDays(1)); // the next UTC day: the budget is back

        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(first)).Outcome);
        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(second)).Outcome);
        await Eventually.TrueAsync(() => Engine.Get<OutageCatchUp>().HoldsMarkAt is null, "both catch-ups to finish");
        Assert.Single(Activity.For(first));
        Assert.Single(Activity.For(second));
        Assert.DoesNotContain(Logs.Lines, l => l.Contains("are not caught up"));
    }
}
