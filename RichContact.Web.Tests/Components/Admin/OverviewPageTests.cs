using Bunit;
using RichContact.Engine.Activity;
using RichContact.Engine.Crisp;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Storage;
using RichContact.Web.Components.Admin;
using RichContact.Web.Tests.Support;
using static RichContact.Web.Tests.Support.Activity;

namespace RichContact.Web.Tests.Components.Admin;

public sealed class OverviewPageTests
{
    [Fact]
    public async Task Shows_outcomes_percentiles_and_todays_rest_calls_against_the_budget()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var budget = ctx.Get<CrispRequestBudget>();
        for (var i = 0; i < 14; i++) budget.Spend();
        var log = ctx.Get<ActivityLog>();
        foreach (var ms in new long[] { 1000, 2000, 3000, 4000 })
            await log.RecordAsync(Entry(elapsedMs: ms, restCalls: 3));
        await log.RecordAsync(Entry(channel: "instagram", outcome: ActivityOutcome.Existing, elapsedMs: 50_000, restCalls: 2));
        await log.RecordAsync(Entry(outcome: ActivityOutcome.Failed, restCalls: 1, at: DateTimeOffset.UtcNow.AddDays(-1).Date));

        var cut = ctx.Render<OverviewPage>();

        cut.WaitForAssertion(() => Assert.Equal("4", cut.Find("[data-testid=count-created] strong").TextContent));
        Assert.Equal("1", cut.Find("[data-testid=count-existing] strong").TextContent);
        Assert.Equal("1", cut.Find("[data-testid=count-failed] strong").TextContent);
        Assert.Equal("5", cut.Find("[data-testid=channel-count-whatsapp] strong").TextContent);
        // Percentiles of the time to a created contact: the existing one's 50 s does not count.
        Assert.Contains("p50 2.0 s · p95 4.0 s", cut.Find("[data-testid=elapsed]").TextContent);
        Assert.Equal("14 / 5000", cut.Find("[data-testid=budget-used]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=chart-empty]"));
    }

    [Fact]
    public async Task Counts_conversations_by_website_most_first_leaving_mends_out()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var log = ctx.Get<ActivityLog>();
        await log.RecordAsync(Entry(website: "w-1"));
        await log.RecordAsync(Entry(website: "w-2"));
        await log.RecordAsync(Entry(website: "w-2", outcome: ActivityOutcome.Skipped));
        await log.RecordAsync(Entry(website: "w-1", outcome: ActivityOutcome.Mend));

        var cut = ctx.Render<OverviewPage>();

        cut.WaitForAssertion(() => Assert.Equal(["w-2", "w-1"], cut.FindAll("[data-testid=website-count]").Select(c => c.GetAttribute("data-website-id"))));
        Assert.Equal("2", cut.Find("[data-testid=website-count][data-website-id=w-2] strong").TextContent);
        Assert.Equal("1", cut.Find("[data-testid=website-count][data-website-id=w-1] strong").TextContent);
        Assert.Equal("/websites/w-2", cut.Find("[data-testid=website-count][data-website-id=w-2] a").GetAttribute("href"));
    }

    [Fact]
    public async Task New_activity_updates_the_overview_live()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var cut = ctx.Render<OverviewPage>();
        cut.WaitForElement("[data-testid=chart-empty]");

        await ctx.Get<ActivityLog>().RecordAsync(Entry(restCalls: 4));
        ctx.Get<CrispRequestBudget>().Spend();

        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=count-created] strong").TextContent));
        cut.WaitForAssertion(() => Assert.Equal("1 / 5000", cut.Find("[data-testid=budget-used]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=chart-empty]"));
    }

    [Fact]
    public async Task Shows_the_crisp_connection_state_with_its_last_error_as_it_changes()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var status = ctx.Get<CrispConnectionStatus>();
        var cut = ctx.Render<OverviewPage>();
        Assert.Equal("NotStarted", cut.Find("[data-testid=connection-state]").GetAttribute("data-state"));

        await cut.InvokeAsync(() => status.Set(CrispConnectionState.Connected));
        cut.WaitForAssertion(() => Assert.Contains("Connected", cut.Find("[data-testid=connection-state]").TextContent));

        status.Set(CrispConnectionState.Unauthorized, "Crisp refused the plugin token (401).");
        cut.WaitForAssertion(() => Assert.Equal("Unauthorized", cut.Find("[data-testid=connection-state]").GetAttribute("data-state")));
        Assert.Contains("Crisp refused the plugin token (401).", cut.Find("[data-testid=connection-error]").TextContent);
    }

    [Fact]
    public async Task Says_which_way_existing_contacts_are_found_and_what_it_cannot_see_as_crisp_answers()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var mode = ctx.Get<RichContact.Engine.Contacts.DedupMode>();
        var cut = ctx.Render<OverviewPage>();
        Assert.Equal("Untried", cut.Find("[data-testid=dedup-mode]").GetAttribute("data-phone"));
        Assert.Empty(cut.FindAll("[data-testid=dedup-blind]"));

        mode.PhoneSearchRefused();
        cut.WaitForAssertion(() => Assert.Equal("Refused", cut.Find("[data-testid=dedup-mode]").GetAttribute("data-phone")));
        Assert.Contains("Crisp refuses to search contacts by phone", cut.Find("[data-testid=dedup-mode]").TextContent);
        Assert.Contains("contacts an agent typed by hand with this phone", cut.Find("[data-testid=dedup-blind]").TextContent);

        mode.PhoneSearchAnswered();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=dedup-blind]")));
    }

    [Fact]
    public async Task Shows_storage_failures_live_without_exception_messages_until_each_store_writes_again()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var storage = ctx.Get<StorageStatus>();
        var cut = ctx.Render<OverviewPage>();
        Assert.Equal("ok", cut.Find("[data-testid=storage-status]").GetAttribute("data-state"));
        Assert.Empty(cut.FindAll("[data-testid=storage-error]"));

        // An exception message may quote data: the page shows the type and a fixed hint only.
        storage.Failed(StorageFile.Database, new IOException("database or disk is full near +351912345678"));
        storage.Failed(StorageFile.JobStorage, new InvalidOperationException("wrapper", new TimeoutException("Maria Souza")));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=storage-error]").Count));
        Assert.Equal("failing", cut.Find("[data-testid=storage-status]").GetAttribute("data-state"));
        var database = cut.Find("[data-testid=storage-error][data-store=Database]").TextContent;
        Assert.Contains(DataDirectory.DatabaseFileName, database);
        Assert.Contains("IOException", database);
        Assert.Contains("disk full or database locked", database);
        Assert.Contains("TimeoutException", cut.Find("[data-testid=storage-error][data-store=JobStorage]").TextContent);
        Assert.DoesNotContain("+351912345678", cut.Markup);
        Assert.DoesNotContain("Maria", cut.Markup);

        // The activity log's next successful write clears the database's alert, and only that one.
        await ctx.Get<ActivityLog>().RecordAsync(Entry());
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=storage-error]")));
        Assert.Contains(DataDirectory.JobStorageFileName, cut.Find("[data-testid=storage-error]").TextContent);

        storage.Succeeded(StorageFile.JobStorage);
        cut.WaitForAssertion(() => Assert.Equal("ok", cut.Find("[data-testid=storage-status]").GetAttribute("data-state")));
        Assert.Empty(cut.FindAll("[data-testid=storage-error]"));
    }
}
