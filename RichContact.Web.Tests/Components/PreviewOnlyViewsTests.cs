using Bunit;
using RichContact.Engine.Activity;
using RichContact.Engine.Settings;
using RichContact.Web.Components.Activity;
using RichContact.Web.Components.Admin;
using RichContact.Web.Components.Websites;
using RichContact.Web.Localization;
using RichContact.Web.Tests.Support;
using static RichContact.Web.Tests.Support.Activity;

namespace RichContact.Web.Tests.Components;

/// <summary>A website in preview only, and what it would have created, as the portal and the settings page show them.</summary>
public sealed class PreviewOnlyViewsTests
{
    private static Task PreviewAsync(ComponentTestContext ctx, string website, bool on = true) =>
        ctx.Get<WebsiteSettingsStore>().SaveAsync(WebsiteSettings.DefaultsFor(website) with { PreviewOnly = on });

    [Fact]
    public async Task The_website_label_carries_a_preview_badge_that_follows_the_saved_setting_live()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var cut = ctx.Render<WebsiteLabel>(p => p.Add(l => l.WebsiteId, "w-1"));
        Assert.Empty(cut.FindAll("[data-testid=preview-badge]"));

        await PreviewAsync(ctx, "w-1");
        cut.WaitForAssertion(() => Assert.Equal("Preview only", cut.Find("[data-testid=preview-badge]").TextContent.Trim()));

        await PreviewAsync(ctx, "w-2");
        await PreviewAsync(ctx, "w-1", on: false);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=preview-badge]")));
    }

    [Fact]
    public async Task The_feed_shows_would_create_with_its_own_words_and_the_preview_badge_on_that_website_only()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        await PreviewAsync(ctx, "w-preview");
        var log = ctx.Get<ActivityLog>();
        await log.RecordAsync(Entry(website: "w-preview", outcome: ActivityOutcome.WouldCreate, session: "previewed"));
        await log.RecordAsync(Entry(website: "w-live", outcome: ActivityOutcome.Created, session: "created"));

        var cut = ctx.Render<FeedPage>();

        cut.WaitForElements("[data-testid=activity-row]", 2);
        var previewed = cut.Find("[data-testid=activity-row][data-session=previewed]");
        Assert.Equal("WouldCreate", previewed.GetAttribute("data-outcome"));
        var chip = previewed.QuerySelector("[data-outcome-code=would_create]")!;
        Assert.Equal("Would create", chip.TextContent.Trim());
        Assert.Equal(UiText.English.WouldCreateHelp, chip.GetAttribute("title"));
        Assert.NotNull(previewed.QuerySelector("[data-testid=preview-badge]"));
        Assert.Null(previewed.QuerySelector("[data-testid=contact-link]"));
        Assert.Null(cut.Find("[data-testid=activity-row][data-session=created]").QuerySelector("[data-testid=preview-badge]"));

        await cut.InvokeAsync(() => cut.Instance.ApplyFilterAsync(new ActivityFilter(Outcome: ActivityOutcome.WouldCreate)));
        cut.WaitForAssertion(() => Assert.Equal(["previewed"], cut.FindAll("[data-testid=activity-row]").Select(r => r.GetAttribute("data-session"))));
        Assert.EndsWith("?outcome=would_create", cut.Find("[data-testid=export-csv]").GetAttribute("href"));
    }

    [Fact]
    public async Task The_overview_counts_would_create_apart_as_conversations_but_not_as_contacts_created()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        await PreviewAsync(ctx, "w-preview");
        var log = ctx.Get<ActivityLog>();
        await log.RecordAsync(Entry(website: "w-preview", outcome: ActivityOutcome.WouldCreate, elapsedMs: 900));
        await log.RecordAsync(Entry(website: "w-preview", outcome: ActivityOutcome.WouldCreate, elapsedMs: 900));
        await log.RecordAsync(Entry(website: "w-live", outcome: ActivityOutcome.Created, elapsedMs: 3000));

        var cut = ctx.Render<OverviewPage>();

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=count-would_create] strong").TextContent));
        Assert.Equal("1", cut.Find("[data-testid=count-created] strong").TextContent);
        Assert.Contains("Would create", cut.Find("[data-testid=count-would_create]").TextContent);
        Assert.Equal("3", cut.Find("[data-testid=total] .mud-typography-h6").TextContent.Trim());
        // Time to a contact: only contacts that exist.
        Assert.Contains("p50 3.0 s · p95 3.0 s", cut.Find("[data-testid=elapsed]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=website-count][data-website-id=w-preview]").QuerySelector("[data-testid=preview-badge]"));
        Assert.Null(cut.Find("[data-testid=website-count][data-website-id=w-live]").QuerySelector("[data-testid=preview-badge]"));
    }

    [Fact]
    public async Task The_settings_page_activity_shows_would_create_in_the_dashboards_language()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        await ctx.Get<ActivityLog>().RecordAsync(Entry(website: "w-1", outcome: ActivityOutcome.WouldCreate));

        var cut = ctx.Render<WebsiteActivitySummary>(p => p.Add(s => s.WebsiteId, "w-1").Add(s => s.Text, UiText.French));

        cut.WaitForAssertion(() => Assert.Equal("Serait créé", cut.Find("[data-testid=activity-row] [data-outcome-code=would_create]").TextContent.Trim()));
        Assert.Contains("Serait créé", cut.Find("[data-testid=count-would_create]").TextContent);
    }

    [Fact]
    public void Every_outcome_has_words_of_its_own_in_both_languages()
    {
        foreach (var text in new[] { UiText.English, UiText.French })
        {
            var names = Enum.GetValues<ActivityOutcome>().Select(text.OutcomeName).ToList();
            Assert.Equal(names.Count, names.Distinct().Count());
        }
        Assert.NotEqual(UiText.English.WouldCreate, UiText.French.WouldCreate);
        Assert.NotEqual(UiText.English.PreviewOnly, UiText.French.PreviewOnly);
    }
}
