using Bunit;
using Microsoft.EntityFrameworkCore;
using RichContact.Engine.Activity;
using RichContact.Engine.Settings;
using RichContact.Engine.Storage;
using RichContact.Web.Components.Settings;
using RichContact.Web.Localization;
using RichContact.Web.Tests.Support;

namespace RichContact.Web.Tests.Components.Settings;

public sealed class SettingsFormTests
{
    private const string Website = "website-1";

    private static IRenderedComponent<SettingsForm> RenderForm(ComponentTestContext ctx, UiText? text = null)
    {
        var cut = ctx.Render<SettingsForm>(p => p.Add(f => f.WebsiteId, Website).Add(f => f.Text, text ?? UiText.English));
        cut.WaitForElement("[data-testid=settings-form]");
        return cut;
    }

    // A switch or a checkbox is checked; a toggle button is pressed.
    private static bool IsChecked(IRenderedComponent<SettingsForm> cut, string testId) =>
        cut.Find($"[data-testid={testId}]") is var control && (control.HasAttribute("checked") || control.GetAttribute("aria-pressed") == "true");

    private static void Save(IRenderedComponent<SettingsForm> cut) => cut.Find("[data-testid=save]").Click();

    [Fact]
    public async Task A_website_that_never_saved_shows_the_defaults()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var cut = RenderForm(ctx);

        Assert.True(IsChecked(cut, "enabled"));
        Assert.True(IsChecked(cut, "all-channels"));
        Assert.False(IsChecked(cut, "pick-channels"));
        Assert.Empty(cut.FindAll("[data-testid=channel-list]"));
        Assert.True(IsChecked(cut, "skip-if-email"));
        Assert.False(IsChecked(cut, "geolocation"));
        Assert.Equal("channel", cut.Find("[data-testid=channel-segment]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=segment]"));
    }

    [Fact]
    public async Task Leaving_all_integrations_starts_from_every_channel_ticked_and_saving_stores_the_picked_channels_and_normalised_segments_at_once()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var cut = RenderForm(ctx);
        var saved = new List<WebsiteSettings>();
        ctx.Get<WebsiteSettingsStore>().Saved += saved.Add;

        cut.Find("[data-testid=pick-channels]").Click();
        cut.WaitForElement("[data-testid=channel-list]");
        Assert.All(cut.FindAll("[data-testid=channel-list] input"), box => Assert.True(box.HasAttribute("checked")));
        foreach (var channel in new[] { "whatsapp", "messenger", "telegram", "line", "x", "sms", "viber", "aircall" })
            cut.Find($"[data-testid=channel-{channel}]").Change(false);
        cut.Find("[data-testid=new-segment]").Input("  VIP ");
        cut.Find("[data-testid=add-segment]").Click();
        cut.Find("[data-testid=geolocation]").Change(true);
        Save(cut);

        cut.WaitForAssertion(() => Assert.Equal(UiText.English.Saved, cut.Find("[data-testid=save-status]").TextContent.Trim()));
        var stored = await ctx.Get<WebsiteSettingsStore>().GetAsync(Website);
        Assert.False(stored.AllChannels);
        Assert.Equal(["instagram"], stored.Channels);
        Assert.Equal(["vip"], stored.Segments);
        Assert.True(stored.EnrichGeolocation);
        Assert.False(stored.Monitors("whatsapp"));
        Assert.Single(saved);
        Assert.Equal(["vip"], cut.FindAll("[data-testid=segment]").Select(s => s.TextContent.Trim()));
    }

    [Fact]
    public async Task An_invalid_segment_shows_the_validator_message_next_to_the_field_and_saves_nothing()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var cut = RenderForm(ctx);

        cut.Find("[data-testid=new-segment]").Input("vip customers!");
        cut.Find("[data-testid=new-segment]").KeyDown("Enter");
        Save(cut);

        var error = cut.WaitForElement("[data-testid=error-segments]");
        Assert.Contains("may use only letters, digits", error.TextContent);
        Assert.Equal(UiText.English.NotSaved, cut.Find("[data-testid=save-status]").TextContent.Trim());
        Assert.Null((await ctx.Get<WebsiteSettingsStore>().GetAsync(Website)).UpdatedAt);
    }

    [Fact]
    public async Task Preview_only_is_off_by_default_saves_and_shows_its_notice_once_stored()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var cut = RenderForm(ctx);
        Assert.False(IsChecked(cut, "preview-only"));
        Assert.Contains("Preview only: show what would be created, create nothing", cut.Find("[data-testid=preview-only]").Closest("label")!.TextContent);
        Assert.Empty(cut.FindAll("[data-testid=preview-notice]"));

        cut.Find("[data-testid=preview-only]").Change(true);
        // Not saved yet: nothing says the website is in preview.
        Assert.Empty(cut.FindAll("[data-testid=preview-notice]"));
        Save(cut);

        cut.WaitForAssertion(() => Assert.Equal(UiText.English.PreviewOnlyNotice, cut.Find("[data-testid=preview-notice]").TextContent.Trim()));
        var stored = await ctx.Get<WebsiteSettingsStore>().GetAsync(Website);
        Assert.True(stored.PreviewOnly);
        Assert.True(stored.Enabled);
        Assert.True(stored.Monitors("whatsapp"));

        cut.Find("[data-testid=preview-only]").Change(false);
        Save(cut);

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=preview-notice]")));
        Assert.False((await ctx.Get<WebsiteSettingsStore>().GetAsync(Website)).PreviewOnly);
    }

    [Fact]
    public async Task Preview_only_with_an_invalid_segment_is_refused_with_the_rest_and_stays_off()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var cut = RenderForm(ctx);

        cut.Find("[data-testid=preview-only]").Change(true);
        cut.Find("[data-testid=new-segment]").Input("vip customers!");
        cut.Find("[data-testid=add-segment]").Click();
        Save(cut);

        cut.WaitForElement("[data-testid=error-segments]");
        Assert.Equal(UiText.English.NotSaved, cut.Find("[data-testid=save-status]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=preview-notice]"));
        Assert.False((await ctx.Get<WebsiteSettingsStore>().GetAsync(Website)).PreviewOnly);
    }

    [Fact]
    public async Task A_french_dashboard_reads_the_preview_switch_and_its_notice_in_french()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        await ctx.Get<WebsiteSettingsStore>().SaveAsync(WebsiteSettings.DefaultsFor(Website) with { PreviewOnly = true });
        var cut = RenderForm(ctx, UiText.French);

        Assert.True(IsChecked(cut, "preview-only"));
        Assert.Contains("Aperçu seulement : montrer ce qui serait créé, ne rien créer", cut.Find("[data-testid=preview-only]").Closest("label")!.TextContent);
        Assert.Equal(UiText.French.PreviewOnlyNotice, cut.Find("[data-testid=preview-notice]").TextContent.Trim());
    }

    [Fact]
    public async Task A_save_the_database_refuses_says_so_in_the_page_and_shows_the_storage_status()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var cut = RenderForm(ctx);
        // The settings table gone stands for a database that refuses the write (locked, disk full).
        await using (var db = await ctx.Get<IDbContextFactory<RichContactDb>>().CreateDbContextAsync())
            await db.Database.ExecuteSqlRawAsync("DROP TABLE website_settings");

        cut.Find("[data-testid=enabled]").Change(false);
        Save(cut);

        cut.WaitForAssertion(() => Assert.Equal(UiText.English.SaveFailed, cut.Find("[data-testid=save-status]").TextContent.Trim()));
        Assert.Single(ctx.Get<StorageStatus>().Failures);
    }

    [Fact]
    public async Task A_french_dashboard_gets_the_validator_message_in_french()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var cut = RenderForm(ctx, UiText.For("fr"));

        cut.Find("[data-testid=new-segment]").Input("vip customers!");
        cut.Find("[data-testid=new-segment]").KeyDown("Enter");
        Save(cut);

        Assert.Equal("Le segment « vip customers! » ne peut contenir que des lettres, des chiffres, « - » et « _ ».",
            cut.WaitForElement("[data-testid=error-segments]").TextContent.Trim());
        Assert.Equal(UiText.French.NotSaved, cut.Find("[data-testid=save-status]").TextContent.Trim());
    }

    [Fact]
    public async Task Turning_the_plugin_off_stops_every_channel()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var cut = RenderForm(ctx);

        cut.Find("[data-testid=enabled]").Change(false);
        Save(cut);

        cut.WaitForElement("[data-testid=save-status]");
        var stored = await ctx.Get<WebsiteSettingsStore>().GetAsync(Website);
        Assert.False(stored.Enabled);
        Assert.False(stored.Monitors("whatsapp"));
    }

    [Fact]
    public async Task The_pick_list_offers_the_known_channels_and_other_channels_once_one_was_seen_on_the_website()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        await ctx.Get<ActivityLog>().RecordAsync(new ActivityEntry { WebsiteId = Website, SessionId = "s1", Channel = "kakaotalk", Outcome = ActivityOutcome.Created });
        await ctx.Get<ActivityLog>().RecordAsync(new ActivityEntry { WebsiteId = "other", SessionId = "s2", Channel = "wechat", Outcome = ActivityOutcome.Created });
        var cut = RenderForm(ctx);

        cut.Find("[data-testid=pick-channels]").Click();

        var offered = cut.WaitForElement("[data-testid=channel-list]").QuerySelectorAll("[data-testid^=channel-]")
            .Select(e => e.GetAttribute("data-testid")!["channel-".Length..]).ToList();
        // kakaotalk is no name Rich Contact knows: one "Other channels" entry stands for every such name.
        Assert.Equal(["whatsapp", "instagram", "messenger", "telegram", "line", "x", "sms", "viber", "aircall", "other"], offered);
        Assert.Contains("Other channels", cut.Markup);
    }

    [Fact]
    public async Task The_form_speaks_french_when_crisp_passes_a_french_locale()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var cut = RenderForm(ctx, UiText.For("fr-FR"));

        Assert.Contains("Activer Rich Contact", cut.Markup);
        Assert.DoesNotContain("Enable Rich Contact", cut.Markup);
        Assert.Equal("Enregistrer", cut.Find("[data-testid=save]").TextContent.Trim());
        Assert.Same(UiText.English, UiText.For("de"));
        Assert.Same(UiText.English, UiText.For(null));
    }
}
