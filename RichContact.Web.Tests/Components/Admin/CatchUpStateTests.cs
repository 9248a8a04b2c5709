using Bunit;
using RichContact.Engine.Contacts;
using RichContact.Web.Components.Admin;
using RichContact.Web.Tests.Support;

namespace RichContact.Web.Tests.Components.Admin;

/// <summary>The overview's word on the outage catch-up (RELIABILITY.md, issue 11.3): silent while all is well.</summary>
public sealed class CatchUpStateTests
{
    [Fact]
    public async Task Overview_says_when_a_catch_up_waits_for_the_budget_and_when_a_limit_cut_one_short()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var catchUp = ctx.Get<CatchUpStatus>();
        var cut = ctx.Render<OverviewPage>();
        Assert.Empty(cut.FindAll("[data-testid=catch-up-waiting]"));
        Assert.Empty(cut.FindAll("[data-testid=catch-up-cut]"));

        await cut.InvokeAsync(() => catchUp.SetWaiting("Catch-up of the conversations since 2026-11-30 10:00:00Z waits for the daily Crisp budget, back at 2026-12-01 00:00:00Z."));
        cut.WaitForAssertion(() => Assert.Contains("waits for the daily Crisp budget", cut.Find("[data-testid=catch-up-waiting]").TextContent));
        await cut.InvokeAsync(() => catchUp.Cut("Conversations created between 2026-11-30 04:00:00Z and 2026-11-30 09:00:00Z were not caught up.", DateTimeOffset.UtcNow));
        cut.WaitForAssertion(() => Assert.Contains("may have no contact", cut.Find("[data-testid=catch-up-cut]").TextContent));

        await cut.InvokeAsync(() => catchUp.SetWaiting(null));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=catch-up-waiting]")));
        Assert.NotEmpty(cut.FindAll("[data-testid=catch-up-cut]")); // a loss stays said
    }

    [Fact]
    public async Task Overview_says_how_many_websites_a_short_gap_left_unlisted_and_that_their_next_message_will_be_heard()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var catchUp = ctx.Get<CatchUpStatus>();
        var cut = ctx.Render<OverviewPage>();
        Assert.Empty(cut.FindAll("[data-testid=catch-up-not-listed]"));

        await cut.InvokeAsync(() => catchUp.NotListed(480, "3 s gap: 480 of 500 websites not listed, their next message will be heard.", DateTimeOffset.UtcNow));

        cut.WaitForAssertion(() => Assert.Contains("3 s gap: 480 of 500 websites not listed, their next message will be heard",
            cut.Find("[data-testid=catch-up-not-listed]").TextContent));
        Assert.DoesNotContain("may have no contact", cut.Find("[data-testid=catch-up-not-listed]").TextContent);
        Assert.Equal(480, catchUp.WebsitesNotListed);
    }
}
