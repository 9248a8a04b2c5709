using Bunit;
using RichContact.Engine.Activity;
using RichContact.Web.Components.Admin;
using RichContact.Web.Tests.Support;
using static RichContact.Web.Tests.Support.Activity;

namespace RichContact.Web.Tests.Components.Admin;

public sealed class FeedPageTests
{
    [Fact]
    public async Task A_new_entry_appears_live_without_reloading()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var cut = ctx.Render<FeedPage>();
        cut.WaitForElement("[data-testid=no-activity]");

        await ctx.Get<ActivityLog>().RecordAsync(Entry(session: "session_live"));

        cut.WaitForAssertion(() => Assert.Equal("session_live", cut.Find("[data-testid=activity-row]").GetAttribute("data-session")));
    }

    [Fact]
    public async Task Each_entry_links_to_its_conversation_and_its_contact_in_crisp()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        await ctx.Get<ActivityLog>().RecordAsync(Entry(website: "w-1", session: "session_1", people: "p-1"));
        await ctx.Get<ActivityLog>().RecordAsync(Entry(website: "w-1", session: "session_2", outcome: ActivityOutcome.Skipped));

        var cut = ctx.Render<FeedPage>();

        var rows = cut.WaitForElements("[data-testid=activity-row]", 2);
        Assert.Equal("https://app.crisp.chat/website/w-1/inbox/session_2/", rows[0].QuerySelector("[data-testid=conversation-link]")!.GetAttribute("href"));
        Assert.Null(rows[0].QuerySelector("[data-testid=contact-link]"));
        Assert.Equal("https://app.crisp.chat/website/w-1/inbox/session_1/", rows[1].QuerySelector("[data-testid=conversation-link]")!.GetAttribute("href"));
        Assert.Equal("https://app.crisp.chat/website/w-1/contacts/profile/p-1/", rows[1].QuerySelector("[data-testid=contact-link]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Pages_through_history_newest_first()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        for (var i = 0; i < FeedPage.PageSize + 5; i++)
            await ctx.Get<ActivityLog>().RecordAsync(Entry(session: $"session_{i:00}"));

        var cut = ctx.Render<FeedPage>();

        var first = cut.WaitForElements("[data-testid=activity-row]", FeedPage.PageSize);
        Assert.Equal($"session_{FeedPage.PageSize + 4:00}", first[0].GetAttribute("data-session"));
        Assert.Contains($"{FeedPage.PageSize + 5} entries", cut.Find("[data-testid=total]").TextContent);

        cut.FindAll("[data-testid=pager] button").Single(b => b.TextContent.Trim() == "2").Click();

        var second = cut.WaitForElements("[data-testid=activity-row]", 5);
        Assert.Equal(["session_04", "session_03", "session_02", "session_01", "session_00"], second.Select(r => r.GetAttribute("data-session")));
    }

    [Fact]
    public async Task Filters_keep_only_matching_entries_also_for_live_ones()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var log = ctx.Get<ActivityLog>();
        await log.RecordAsync(Entry(website: "w-1", channel: "whatsapp", outcome: ActivityOutcome.Created, session: "match_1"));
        await log.RecordAsync(Entry(website: "w-1", channel: "instagram", outcome: ActivityOutcome.Created, session: "other_channel"));
        await log.RecordAsync(Entry(website: "w-2", channel: "whatsapp", outcome: ActivityOutcome.Created, session: "other_website"));
        await log.RecordAsync(Entry(website: "w-1", channel: "whatsapp", outcome: ActivityOutcome.Failed, session: "other_outcome"));
        var cut = ctx.Render<FeedPage>();
        cut.WaitForElements("[data-testid=activity-row]", 4);

        await cut.InvokeAsync(() => cut.Instance.ApplyFilterAsync(new ActivityFilter("w-1", "whatsapp", ActivityOutcome.Created)));
        cut.WaitForAssertion(() => Assert.Equal(["match_1"], Sessions(cut)));

        await log.RecordAsync(Entry(website: "w-2", channel: "whatsapp", session: "live_other"));
        await log.RecordAsync(Entry(website: "w-1", channel: "whatsapp", session: "live_match"));

        cut.WaitForAssertion(() => Assert.Equal(["live_match", "match_1"], Sessions(cut)));
    }

    [Fact]
    public async Task A_reason_reads_as_a_sentence_with_its_code_beside_it()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var skipped = Entry(outcome: ActivityOutcome.Skipped, session: "session_skipped");
        skipped.Reason = RichContact.Engine.Contacts.ReasonCodes.ChannelNotMonitored;
        await ctx.Get<ActivityLog>().RecordAsync(skipped);

        var cut = ctx.Render<FeedPage>();

        var reason = cut.WaitForElement("[data-testid=activity-row] [data-testid=reason]");
        Assert.Equal("channel_not_monitored", reason.GetAttribute("data-code"));
        Assert.Equal("the channel is not monitored on this website", reason.QuerySelector(".rc-reason-sentence")!.TextContent);
        Assert.Equal("channel_not_monitored", reason.QuerySelector("code")!.TextContent);
    }

    [Fact]
    public async Task Times_go_to_the_browser_in_utc_for_it_to_write_in_its_own_zone_relative_in_the_live_feed()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var at = new DateTimeOffset(2026, 11, 30, 14, 5, 7, TimeSpan.FromHours(2));
        await ctx.Get<ActivityLog>().RecordAsync(Entry(at: at));

        var cut = ctx.Render<FeedPage>();

        var time = cut.WaitForElement("[data-testid=activity-row] local-time");
        Assert.Equal("2026-11-30T12:05:07.0000000Z", time.GetAttribute("datetime"));
        Assert.Equal("relative", time.GetAttribute("format"));
    }

    [Fact]
    public async Task Without_a_name_from_crisp_a_website_is_shown_by_its_id()
    {
        // No plugin token here: nobody to ask.
        await using var ctx = await ComponentTestContext.CreateAsync();
        await ctx.Get<ActivityLog>().RecordAsync(Entry(website: "8c1f4f4e-2d3a-4b5c-9e6f-7a8b9c0d1e2f"));

        var cut = ctx.Render<FeedPage>();

        var website = cut.WaitForElement("[data-testid=activity-row] [data-testid=website-name]");
        Assert.Equal("false", website.GetAttribute("data-known"));
        Assert.Equal("8c1f4f4e-2d3a-4b5c-9e6f-7a8b9c0d1e2f", website.TextContent.Trim());
    }

    [Fact]
    public async Task The_export_link_carries_the_filters_in_force()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var cut = ctx.Render<FeedPage>();
        Assert.Equal("/activity/export.csv", cut.Find("[data-testid=export-csv]").GetAttribute("href"));

        await cut.InvokeAsync(() => cut.Instance.ApplyFilterAsync(new ActivityFilter("w 1", "whatsapp", ActivityOutcome.Created)));

        cut.WaitForAssertion(() => Assert.Equal("/activity/export.csv?website=w%201&channel=whatsapp&outcome=created", cut.Find("[data-testid=export-csv]").GetAttribute("href")));
    }

    private static IEnumerable<string?> Sessions(IRenderedComponent<FeedPage> cut) =>
        cut.FindAll("[data-testid=activity-row]").Select(r => r.GetAttribute("data-session"));
}
