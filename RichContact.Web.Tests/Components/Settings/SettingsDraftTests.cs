using Bunit;
using RichContact.Engine.Settings;
using RichContact.Web.Components.Settings;
using RichContact.Web.Localization;
using RichContact.Web.Tests.Support;

namespace RichContact.Web.Tests.Components.Settings;

public sealed class SettingsDraftTests
{
    private const string Website = "website-1";

    private static string DraftOf(WebsiteSettings settings, string newSegment) =>
        new SettingsDraft(SettingsModel.From(settings), newSegment).ToJson();

    [Fact]
    public async Task A_draft_left_in_the_tab_before_a_reload_comes_back_unsaved_and_discard_returns_to_what_is_stored()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var typed = WebsiteSettings.DefaultsFor(Website) with { EnrichGeolocation = true, Segments = ["vip"] };
        ctx.Bunit.JSInterop.Setup<string?>("sessionStorage.getItem", SettingsDraft.KeyFor(Website)).SetResult(DraftOf(typed, "lisboa"));

        var cut = ctx.Render<SettingsForm>(p => p.Add(f => f.WebsiteId, Website));
        cut.WaitForElement("[data-testid=draft-restored]");
        Assert.Equal(UiText.English.DraftRestored, cut.Find("[data-testid=draft-restored] .mud-alert-message").FirstChild!.TextContent.Trim());
        Assert.True(cut.Find("[data-testid=geolocation]").HasAttribute("checked"));
        Assert.Equal("vip", cut.Find("[data-testid=segment]").TextContent.Trim());
        Assert.Equal("lisboa", cut.Find("input[data-testid=new-segment]").GetAttribute("value"));
        Assert.False((await ctx.Get<WebsiteSettingsStore>().GetAsync(Website)).EnrichGeolocation);

        cut.Find("[data-testid=discard-draft]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=draft-restored]")));
        Assert.False(cut.Find("[data-testid=geolocation]").HasAttribute("checked"));
        Assert.Empty(cut.FindAll("[data-testid=segment]"));
        cut.WaitForAssertion(() => Assert.Single(ctx.Bunit.JSInterop.Invocations["sessionStorage.removeItem"]));
    }

    [Fact]
    public async Task A_draft_equal_to_what_is_stored_is_no_draft()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        ctx.Bunit.JSInterop.Setup<string?>("sessionStorage.getItem", SettingsDraft.KeyFor(Website))
            .SetResult(DraftOf(WebsiteSettings.DefaultsFor(Website), ""));

        var cut = ctx.Render<SettingsForm>(p => p.Add(f => f.WebsiteId, Website));
        cut.WaitForElement("[data-testid=settings-form][data-interactive]");

        Assert.Empty(cut.FindAll("[data-testid=draft-restored]"));
        Assert.Empty(ctx.Bunit.JSInterop.Invocations["sessionStorage.setItem"]);
    }

    [Fact]
    public async Task Every_change_is_kept_in_the_tab_and_saving_drops_it()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var cut = ctx.Render<SettingsForm>(p => p.Add(f => f.WebsiteId, Website));
        cut.WaitForElement("[data-testid=settings-form][data-interactive]");

        cut.Find("[data-testid=geolocation]").Change(true);

        cut.WaitForAssertion(() => Assert.Contains("\"EnrichGeolocation\":true", (string)ctx.Bunit.JSInterop.Invocations["sessionStorage.setItem"][^1].Arguments[1]!));
        cut.Find("[data-testid=save]").Click();
        cut.WaitForAssertion(() => Assert.Single(ctx.Bunit.JSInterop.Invocations["sessionStorage.removeItem"]));
        Assert.True((await ctx.Get<WebsiteSettingsStore>().GetAsync(Website)).EnrichGeolocation);
    }
}
