using Bunit;
using RichContact.Engine.Backfill;
using RichContact.Web.Components.Backfill;
using RichContact.Web.Tests.Support;

namespace RichContact.Web.Tests.Components.Backfill;

/// <summary>What the past-conversations page says about a preview and a run, whatever state it is in.</summary>
public sealed class BackfillCardsTests
{
    private static BackfillRun Run(BackfillStatus status, int total = 40, int created = 0, bool listed = true) => new()
    {
        Id = 7, WebsiteId = "w-1", Status = status, Total = total, Created = created, Listed = listed,
        From = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), Until = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
        Conversations = total + 5, NotChannel = 5, PreviewCalls = listed ? 1 : 20,
    };

    private static BackfillPreview Preview(BackfillRun run, int toProcess, int days) =>
        new(run, new Dictionary<string, int> { ["whatsapp"] = run.Total }, HadOutcome: 0, NotMonitored: 0, ToProcess: toProcess,
            CallsLow: toProcess * 2, CallsHigh: toProcess * 3, LeftToday: 1200, Reserve: 1000, AvailableToday: 200, DaysNeeded: days);

    [Fact]
    public async Task Preview_that_does_not_fit_today_says_how_many_days_and_one_cut_at_its_cap_says_the_run_lists_the_rest()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var run = Run(BackfillStatus.Previewed, total: 1000, listed: false);

        var cut = ctx.Render<BackfillPreviewCard>(p => p.Add(c => c.Preview, Preview(run, toProcess: 1000, days: 2)));

        Assert.Equal("1005+", cut.Find("[data-testid=preview-conversations]").TextContent);
        Assert.Equal("2000–3000 + 1 per 50 conversations still to list", cut.Find("[data-testid=preview-calls]").TextContent);
        Assert.Equal("1200 left, 1000 kept for live conversations: 200 for this run", cut.Find("[data-testid=preview-budget]").TextContent);
        Assert.Contains("About 2 days", cut.Find("[data-testid=preview-days]").TextContent);
        Assert.Contains("the run lists the rest", cut.Find("[data-testid=preview-more]").TextContent);
        Assert.Equal("20 Crisp calls", cut.Find("[data-testid=preview-cost]").TextContent);
        Assert.Equal("2026-10-01", cut.FindAll("span[title]")[0].TextContent);
        Assert.Equal("2026-10-31", cut.FindAll("span[title]")[1].TextContent); // the range ends at the start of 1 November
    }

    [Fact]
    public async Task Preview_with_nothing_to_do_says_so()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();

        var cut = ctx.Render<BackfillPreviewCard>(p => p.Add(c => c.Preview, Preview(Run(BackfillStatus.Previewed, total: 3), toProcess: 0, days: 1)));

        Assert.Contains("Nothing to create", cut.Find("[data-testid=preview-days]").TextContent);
    }

    [Fact]
    public async Task Running_run_shows_its_bar_and_counts_and_offers_pause_and_cancel()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();

        var cut = ctx.Render<BackfillProgressCard>(p => p.Add(c => c.Run, Run(BackfillStatus.Running, total: 40, created: 10)));

        var bar = cut.Find("[data-testid=backfill-progress]");
        Assert.Equal(("10", "40"), (bar.GetAttribute("data-done"), bar.GetAttribute("data-total")));
        Assert.Contains("10 of 40 conversations", cut.Find("[data-testid=backfill-done-of-total]").TextContent);
        Assert.Equal("running", cut.Find("[data-testid=backfill-status]").TextContent);
        Assert.NotEmpty(cut.FindAll("[data-testid=backfill-pause]"));
        Assert.Empty(cut.FindAll("[data-testid=backfill-resume]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=backfill-cancel]"));
    }

    [Fact]
    public async Task Run_waiting_for_the_budget_says_when_it_goes_on_and_can_be_resumed_by_hand()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var run = Run(BackfillStatus.WaitingForBudget, created: 12);
        run.ResumesAt = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

        var cut = ctx.Render<BackfillProgressCard>(p => p.Add(c => c.Run, run));

        Assert.Equal("waiting for the daily budget", cut.Find("[data-testid=backfill-status]").TextContent);
        Assert.Equal("2026-12-01T00:00:00.0000000Z", cut.Find("[data-testid=backfill-waiting] local-time").GetAttribute("datetime"));
        Assert.NotEmpty(cut.FindAll("[data-testid=backfill-resume]"));
        Assert.Empty(cut.FindAll("[data-testid=backfill-pause]"));
    }

    [Fact]
    public async Task Run_paused_by_a_refused_list_shows_the_reason_code_and_a_finished_one_offers_nothing()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var paused = Run(BackfillStatus.Paused);
        paused.LastError = "crisp_403_restricted_route_tier";

        var cut = ctx.Render<BackfillProgressCard>(p => p.Add(c => c.Run, paused));
        Assert.Contains("Crisp refuses this website's conversation list", cut.Find("[data-testid=backfill-error]").TextContent);
        Assert.Equal("crisp_403_restricted_route_tier", cut.Find("[data-testid=backfill-error] code").TextContent);

        var done = ctx.Render<BackfillProgressCard>(p => p.Add(c => c.Run, Run(BackfillStatus.Done, total: 40, created: 40)));
        Assert.Empty(done.FindAll("button"));
    }

    [Theory]
    [InlineData(20, "less than a minute")]
    [InlineData(61, "about 2 min")]
    [InlineData(3 * 3600, "about 3 h")]
    [InlineData(3 * 86400, "about 3 days")]
    public void Time_left_reads_as_a_person_says_it(int seconds, string expected) =>
        Assert.Equal(expected, TimeLeftText.Of(TimeSpan.FromSeconds(seconds)));
}
