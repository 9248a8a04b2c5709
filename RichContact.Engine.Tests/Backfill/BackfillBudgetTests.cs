using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RichContact.Engine.Backfill;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Crisp;
using RichContact.Engine.Storage;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Backfill;

/// <summary>A run meets the daily Crisp budget: it stops above the reserve and the next UTC day resumes it.</summary>
public class BackfillBudgetTests : BackfillTest
{
    // The budget on a clock the test moves to the next UTC day; everything else on the real one.
    private readonly SteppedClock _budgetClock = new(DateTimeOffset.UtcNow);

    // 40 a day, 8 of them kept for live conversations: 12 past conversations (36 calls) do not fit in one day.
    protected override int DailyRequestBudget => 40;

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton(sp => new CrispRequestBudget(sp.GetRequiredService<IOptionsMonitor<CrispOptions>>(), _budgetClock,
            sp.GetRequiredService<ILogger<CrispRequestBudget>>(),
            sp.GetRequiredService<DataDirectory>().RequestBudget));
    }

    [Fact]
    public async Task Budget_running_low_stops_the_run_waiting_for_budget_and_the_next_utc_day_resumes_it()
    {
        await PastWhatsAppConversationsAsync(12);
        var budget = Engine.Get<CrispRequestBudget>();
        var preview = await PreviewAsync();
        // Each created contact: the meta, the search, the create and its placeholder's unsubscribe.
        Assert.Equal((8, 48, 2), (preview.Reserve, preview.CallsHigh, preview.DaysNeeded));

        await Runs.StartAsync(preview.Run.Id);
        var waiting = await UntilStatusAsync(preview.Run.Id, BackfillStatus.WaitingForBudget);

        Assert.InRange(waiting.Done, 1, 11);
        Assert.Equal(budget.ResetsAt, waiting.ResumesAt);
        Assert.True(budget.Used <= 40 - 8, $"the run spent into the reserve: {budget.Used} of 40 used");
        Assert.Equal(waiting.Created, (await ProfilesAsync()).Count);
        // The durable wake-up: a Hangfire job due after midnight.
        var scheduled = JobStorage.Current.GetMonitoringApi().ScheduledJobs(0, 10);
        Assert.Contains(scheduled, j => j.Value.Job.Type == typeof(BackfillJob) && j.Value.EnqueueAt >= budget.ResetsAt.UtcDateTime);
        // A live conversation still has the reserve.
        var live = await StartConversationAsync("whatsapp", phone: "+351912345699");
        Assert.Equal(RichContact.Engine.Activity.ActivityOutcome.Created, (await Activity.OutcomeAsync(live)).Outcome);

        _budgetClock.Advance(TimeSpan.FromDays(1)); // the next UTC day: the budget is back

        var done = await UntilStatusAsync(preview.Run.Id, BackfillStatus.Done);
        Assert.Equal((12, 12), (done.Total, done.Created));
        Assert.Equal(13, (await ProfilesAsync()).Count);
        Assert.Contains(Logs.Lines, l => l.Contains($"Backfill {done.Id} of website {WebsiteId} waits for the daily Crisp budget"));
    }

    [Fact]
    public async Task Budget_spent_by_live_traffic_during_a_run_leaves_no_failed_entry_and_the_next_day_finishes_the_run()
    {
        var sessions = await PastWhatsAppConversationsAsync(6);
        var preview = await PreviewAsync();
        await Sandbox.Control.FaultsAsync(new RichContact.Sandbox.SandboxFaults { LatencyMs = 100 });
        await Runs.StartAsync(preview.Run.Id);
        await UntilAsync(preview.Run.Id, r => r.Done >= 1, "a first conversation decided");

        // The day's live traffic takes the rest of the budget, reserve included, while a conversation is being decided.
        var budget = Engine.Get<CrispRequestBudget>();
        while (!budget.IsExhausted)
            budget.Spend();
        var waiting = await UntilStatusAsync(preview.Run.Id, BackfillStatus.WaitingForBudget);
        await Sandbox.Control.ClearFaultsAsync();

        Assert.Equal(0, waiting.Failed);
        foreach (var session in sessions)
            Assert.DoesNotContain(await EntriesAsync(session), e => e.Reason == RichContact.Engine.Contacts.ReasonCodes.BudgetExhausted);

        _budgetClock.Advance(TimeSpan.FromDays(1));

        var done = await UntilStatusAsync(preview.Run.Id, BackfillStatus.Done);
        Assert.Equal((6, 0), (done.Created + done.Existing, done.Failed));
        Assert.Equal(6, (await ProfilesAsync()).Count);
        foreach (var session in sessions)
            Assert.Single(await EntriesAsync(session));
    }
}
