using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp.Rest;

namespace RichContact.Engine.Tests.EndToEnd;

public class DailyBudgetTests : EngineEndToEndTest
{
    // Start-up spends 3: two pages of websites and the RTM endpoint. One contact costs a search and a create.
    protected override int DailyRequestBudget => 5;

    [Fact]
    public async Task Spent_daily_budget_stops_crisp_calls_records_a_warning_and_defers_the_conversation()
    {
        var first = await StartConversationAsync("whatsapp", phone: "+351912345601");
        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(first)).Outcome);
        await Sandbox.Control.ResetRequestsAsync();

        var second = await StartConversationAsync("whatsapp", phone: "+351912345602");
        var outcome = await Activity.OutcomeAsync(second);

        Assert.Equal((ActivityOutcome.Failed, ReasonCodes.BudgetExhausted, 0), (outcome.Outcome, outcome.Reason, outcome.RestCalls));
        Assert.Equal(0, (await Sandbox.Control.RequestsAsync()).Total);
        Assert.Single(await ProfilesAsync());
        var budget = Engine.Get<CrispRequestBudget>();
        Assert.Equal((5, 5, true), (budget.Used, budget.Limit, budget.IsExhausted));
        Assert.Contains(Logs.Lines, l => l.StartsWith("Warning") && l.Contains("daily Crisp request budget"));
        // The conversation is retried when the budget comes back, the next UTC day.
        var scheduled = Hangfire.JobStorage.Current.GetMonitoringApi().ScheduledJobs(0, 10);
        Assert.Contains(scheduled, j => j.Value.EnqueueAt >= budget.ResetsAt.UtcDateTime);
    }
}
