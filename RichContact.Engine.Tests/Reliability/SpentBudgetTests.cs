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
/// The daily Crisp quota spent around a restart (RELIABILITY.md, issue 11.1 and 11.2): RTM must come back without
/// a REST call, and what the catch-up could not list must be listed once the quota is back, never
/// skipped by a last-event mark that moved on.
/// </summary>
public class SpentBudgetTests : EngineEndToEndTest
{
    private SteppedClock? _budgetClock;
    private int _budget = 20;

    protected override int DailyRequestBudget => _budget;

    // A margin shorter than the time between the stop and the restart: what the mark skips is lost.
    protected override IDictionary<string, string?> EngineSettings => new Dictionary<string, string?>
    {
        ["RichContact:CatchUp:MarginSeconds"] = "0.1",
    };

    protected override void ConfigureServices(IServiceCollection services)
    {
        // The budget on a clock the test moves to the next UTC day; everything else on the real one.
        if (_budgetClock is { } clock)
            services.AddSingleton(sp => new CrispRequestBudget(sp.GetRequiredService<IOptionsMonitor<CrispOptions>>(), clock,
                sp.GetRequiredService<ILogger<CrispRequestBudget>>(),
                sp.GetRequiredService<DataDirectory>().RequestBudget));
    }

    /// <summary>Spends what is left of today's budget, as the day's traffic would have.</summary>
    private void SpendTheRestOfTheBudget()
    {
        var budget = Engine.Get<CrispRequestBudget>();
        while (!budget.IsExhausted)
            budget.Spend();
    }

    // The mark leads the file; a pending gap's own bounds follow it.
    private string ReadMark() => File.ReadAllText(Path.Combine(Data.Path, DataDirectory.LastEventMarkFileName)).Split(' ')[0];

    [Fact]
    public async Task Conversations_missed_while_the_budget_was_spent_get_contacts_after_a_restart()
    {
        _budgetClock = new SteppedClock(DateTimeOffset.UtcNow);
        await StopEngineAsync();
        await StartEngineAsync(); // now on the stepped budget clock; it learns the endpoint and the websites
        SpendTheRestOfTheBudget();
        await StopEngineAsync(); // saves the spent budget

        var missed = await StartConversationAsync("whatsapp", phone: "+351912345602");
        await Sandbox.Control.ResetRequestsAsync();
        await StartEngineAsync(); // waits until RTM is connected and authenticated

        Assert.Equal(0, (await Sandbox.Control.RequestsAsync()).Total); // connected without spending quota
        var heard = await StartConversationAsync("telegram", phone: "+351912345603");
        var deferred = await Activity.OutcomeAsync(heard); // heard live, deferred to the next day as before
        Assert.Equal((ActivityOutcome.Failed, ReasonCodes.BudgetExhausted), (deferred.Outcome, deferred.Reason));
        Assert.Empty(Activity.For(missed));

        _budgetClock.Advance(TimeSpan.FromDays(1)); // the next UTC day: the budget is back

        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(missed)).Outcome);
        Assert.Single(Activity.For(missed));
        Assert.Single(await ProfilesAsync());
    }

    [Fact]
    public async Task Catch_up_cut_short_by_the_budget_keeps_the_mark_and_is_done_after_the_next_start()
    {
        // The first start spent 3 (the website list's two pages and the RTM endpoint); 3 more are left.
        _budget = 6;
        await StopEngineAsync();
        var mark = ReadMark();
        // On the last website: the catch-up runs out of budget before it lists that one.
        var lastWebsite = Sandbox.Options.Websites[^1].Id;
        var missed = await StartConversationAsync("whatsapp", phone: "+351912345602", websiteId: lastWebsite);

        await StartEngineAsync();
        await Eventually.TrueAsync(() => Logs.Lines.Any(l => l.Contains("daily Crisp request budget of 6 is spent")), "the catch-up to run out of budget");
        await StopEngineAsync();

        Assert.Equal(mark, ReadMark()); // an unfinished catch-up does not move the mark
        _budget = 100; // the quota raised in the Marketplace: the next start has budget again
        await StartEngineAsync();

        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(missed)).Outcome);
        Assert.Single(await ProfilesAsync(lastWebsite));
    }
}
