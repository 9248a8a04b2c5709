using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RichContact.Engine.Backfill;
using RichContact.Engine.Settings;
using RichContact.Sandbox;
using RichContact.Testing;
using static Microsoft.Playwright.Assertions;

namespace RichContact.Web.Tests.Browser;

/// <summary>
/// Every action, without a mouse: only key presses (Tab, Shift+Tab, Enter, Space, typing into a text
/// field, and the arrow keys inside a list or a radio group, as everywhere), each control reached in
/// the page's order and showing a focus ring when reached.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardBrowserTests(BrowserFixture fixture)
{
    private RichContactApp App => fixture.App;

    private string Url(string path) => new Uri(App.BaseUrl, path).ToString();

    /// <summary>The login form by keyboard: the password field has the focus on arrival.</summary>
    private async Task<IPage> LogInByKeyboardAsync(string path)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(Url(path));
        await Keyboard.TabToAsync(page, "password");
        await page.Keyboard.TypeAsync(RichContactApp.AdminPassword);
        await Keyboard.TabToAsync(page, "login");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(Url(path));
        return page;
    }

    [Fact]
    public async Task Logging_in_filtering_the_feed_and_exporting_it_take_only_the_keyboard()
    {
        var page = await LogInByKeyboardAsync("activity");
        await BrowserFixture.RunAsync(page, nameof(Logging_in_filtering_the_feed_and_exporting_it_take_only_the_keyboard), async () =>
        {
            await Expect(page.Locator("[data-testid=filters][data-interactive]")).ToBeVisibleAsync();
            // The outcome filter: Enter opens it, the keyboard picks "Skipped", Enter applies it.
            await Keyboard.TabToAsync(page, "filter-outcome");
            await page.Keyboard.PressAsync("Enter");
            var skipped = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Skipped" });
            await Expect(skipped).ToBeVisibleAsync();
            // A listbox moves with the arrow keys (WAI-ARIA's select pattern); the input names the active option.
            const string ActiveOption = "() => document.getElementById(document.activeElement?.getAttribute('aria-activedescendant') ?? '')?.textContent?.trim() ?? ''";
            for (var i = 0; i < 10 && await page.EvaluateAsync<string>(ActiveOption) is var active && active != "Skipped"; i++)
            {
                await page.Keyboard.PressAsync("ArrowDown");
                // The circuit moves the active option: one step at a time.
                await page.WaitForFunctionAsync($"previous => ({ActiveOption})() !== previous", active);
            }
            Assert.Equal("Skipped", await page.EvaluateAsync<string>(ActiveOption));
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByTestId("filter-outcome")).ToHaveValueAsync("Skipped");
            await Expect(page.GetByTestId("export-csv")).ToHaveAttributeAsync("href", new Regex("outcome=skipped$"));

            // Back up the page order with Shift+Tab would pass the filters; the export is after them.
            await Keyboard.TabToAsync(page, "export-csv");
            var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));
            Assert.Matches(@"^richcontact-activity-\d{8}-\d{6}\.csv$", download.SuggestedFilename);
            Assert.Contains("?outcome=skipped", download.Url);

            // Shift+Tab goes back through the same controls: the outcome filter again.
            await Keyboard.TabToAsync(page, "filter-outcome", backwards: true);
        });
    }

    [Fact]
    public async Task Previewing_starting_and_pausing_a_backfill_take_only_the_keyboard()
    {
        var websiteId = await App.InstallWebsiteAsync("Teclado", "teclado.example.pt");
        for (var i = 0; i < 4; i++)
            await App.Sandbox.Control.StartConversationAsync(new StartConversationRequest
            {
                WebsiteId = websiteId, Origin = "whatsapp", Phone = $"+351 916 300 {i:D3}", Nickname = $"Cliente {i}",
                CreatedAt = DateTimeOffset.UtcNow.AddDays(-2 - i),
            });
        var page = await LogInByKeyboardAsync($"websites/{websiteId}/past-conversations");
        await BrowserFixture.RunAsync(page, nameof(Previewing_starting_and_pausing_a_backfill_take_only_the_keyboard), async () =>
        {
            await Expect(page.Locator("[data-testid=backfill-page][data-interactive]")).ToBeVisibleAsync();
            await Keyboard.TabToAsync(page, "backfill-last-7");
            await page.Keyboard.PressAsync("Space");
            await Keyboard.TabToAsync(page, "backfill-preview");
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByTestId("preview-conversations")).ToHaveTextAsync("4");

            // Crisp slow: the run is still running when Pause is reached.
            await App.Sandbox.Control.FaultsAsync(new SandboxFaults { LatencyMs = 1000 });
            try
            {
                await Keyboard.TabToAsync(page, "backfill-start");
                await page.Keyboard.PressAsync("Enter");
                await Expect(page.GetByTestId("backfill-progress-card")).ToHaveAttributeAsync("data-status", "Running");
                await Keyboard.TabToAsync(page, "backfill-pause");
                await page.Keyboard.PressAsync("Space");
                await Expect(page.GetByTestId("backfill-progress-card")).ToHaveAttributeAsync("data-status", "Paused");
            }
            finally
            {
                await App.Sandbox.Control.ClearFaultsAsync();
            }
            await Eventually.TrueAsync(async () => (await App.Get<BackfillStore>().CurrentAsync(websiteId))?.Status == BackfillStatus.Paused, "the run to be paused");
        });
    }

    [Fact]
    public async Task Every_setting_and_save_on_crisps_settings_page_take_only_the_keyboard()
    {
        var website = await App.InstallAsync("Teclado Definicoes", "teclado-definicoes.example.pt");
        var before = await App.Get<WebsiteSettingsStore>().GetAsync(website.WebsiteId);
        Assert.True(before is { Enabled: true, AllChannels: true, PreviewOnly: false, EnrichGeolocation: false, MendPlaceholders: true });
        var page = await fixture.NewPageAsync(900, 1000);
        await BrowserFixture.RunAsync(page, nameof(Every_setting_and_save_on_crisps_settings_page_take_only_the_keyboard), async () =>
        {
            await page.GotoAsync(Url($"crisp/settings?website_id={website.WebsiteId}&token={website.Token}"));
            await Expect(page.Locator("[data-testid=settings-form][data-interactive]")).ToBeVisibleAsync();

            // Off and on again: the master switch works from the keyboard and leaves the form enabled.
            await Keyboard.TabToAsync(page, "enabled");
            await page.Keyboard.PressAsync("Space");
            await Expect(page.GetByTestId("enabled")).Not.ToBeCheckedAsync();
            await page.Keyboard.PressAsync("Space");
            await Expect(page.GetByTestId("enabled")).ToBeCheckedAsync();
            await Keyboard.TabToAsync(page, "preview-only");
            await page.Keyboard.PressAsync("Space");
            // A radio group is one Tab stop, on its checked radio; the arrow keys move the choice (as in every browser).
            await Keyboard.TabToAsync(page, "all-channels");
            await page.Keyboard.PressAsync("ArrowDown");
            await Expect(page.GetByTestId("pick-channels")).ToBeCheckedAsync();
            await Expect(page.GetByTestId("channel-list")).ToBeVisibleAsync();
            await Keyboard.TabToAsync(page, "channel-whatsapp");
            await page.Keyboard.PressAsync("Space");
            await Expect(page.GetByTestId("channel-whatsapp")).Not.ToBeCheckedAsync();
            await Keyboard.TabToAsync(page, "new-segment");
            await page.Keyboard.TypeAsync("vip");
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByTestId("segment")).ToHaveTextAsync("vip");
            await Keyboard.TabToAsync(page, "skip-if-email");
            await page.Keyboard.PressAsync("Space");
            await Keyboard.TabToAsync(page, "geolocation");
            await page.Keyboard.PressAsync("Space");
            await Keyboard.TabToAsync(page, "mend-placeholders");
            await page.Keyboard.PressAsync("Space");
            await Keyboard.TabToAsync(page, "save");
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByTestId("save-status")).ToHaveTextAsync("Saved. The change applies at once.");

            var saved = await App.Get<WebsiteSettingsStore>().GetAsync(website.WebsiteId);
            Assert.True(saved.Enabled);
            Assert.True(saved.PreviewOnly);
            Assert.False(saved.AllChannels);
            Assert.DoesNotContain("whatsapp", saved.Channels);
            Assert.Contains("instagram", saved.Channels);
            Assert.Equal(["vip"], saved.Segments);
            Assert.Equal(!before.SkipIfEmailExists, saved.SkipIfEmailExists);
            Assert.True(saved.EnrichGeolocation);
            Assert.False(saved.MendPlaceholders);
        });
    }
}
