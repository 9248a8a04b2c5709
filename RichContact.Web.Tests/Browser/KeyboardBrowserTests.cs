using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RichContact.Engine.Activity;
using RichContact.Engine.Backfill;
using RichContact.Engine.Contacts;
using RichContact.Engine.Settings;
using RichContact.Sandbox;
using RichContact.Testing;
using RichContact.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RichContact.Web.Tests.Browser;

/// <summary>
/// Every action, without a mouse and without arrow keys: Tab and Shift+Tab to move, Enter or Space to
/// act (<see cref="Keyboard.PressAsync"/> refuses any other key), typing where a person types (a text
/// field, the first letters of a select's option); each control reached in the page's order and
/// showing a focus ring when reached. Each action's result is checked, so a control that needed
/// another key fails.
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
        await Keyboard.PressAsync(page, "Enter");
        await Expect(page).ToHaveURLAsync(Url(path));
        return page;
    }

    /// <summary>The feed's rows, by session, as shown now.</summary>
    private static ILocator Rows(IPage page) => page.GetByTestId("activity-row");

    [Fact]
    public async Task Logging_in_filtering_the_feed_by_website_channel_and_outcome_and_exporting_it_take_tab_enter_and_space()
    {
        const string Name = "Teclado Filtros";
        var websiteId = await App.InstallWebsiteAsync(Name, "teclado-filtros.example.pt");
        var log = App.Get<ActivityLog>();
        var skippedInstagram = Support.Activity.Entry(websiteId, channel: "instagram", outcome: ActivityOutcome.Skipped);
        skippedInstagram.Reason = ReasonCodes.ChannelNotMonitored;
        var createdInstagram = Support.Activity.Entry(websiteId, channel: "instagram", outcome: ActivityOutcome.Created);
        var skippedWhatsapp = Support.Activity.Entry(websiteId, channel: "whatsapp", outcome: ActivityOutcome.Skipped);
        skippedWhatsapp.Reason = ReasonCodes.ChannelNotMonitored;
        foreach (var entry in new[] { skippedWhatsapp, createdInstagram, skippedInstagram })
            Assert.True(await log.RecordAsync(entry));
        // Another website's entry, so that the website filter has something to leave out.
        Assert.True(await log.RecordAsync(Support.Activity.Entry("teclado-outro", channel: "instagram", outcome: ActivityOutcome.Skipped)));

        var page = await LogInByKeyboardAsync("activity");
        await BrowserFixture.RunAsync(page, nameof(Logging_in_filtering_the_feed_by_website_channel_and_outcome_and_exporting_it_take_tab_enter_and_space), async () =>
        {
            await Expect(page.Locator("[data-testid=filters][data-interactive]")).ToBeVisibleAsync();
            await Expect(Rows(page).Filter(new() { Has = page.Locator($"[data-website-id='{websiteId}']") })).ToHaveCountAsync(3);
            await Expect(Rows(page).Filter(new() { Has = page.Locator("[data-website-id='teclado-outro']") })).ToHaveCountAsync(1);

            // The website filter is a native select: typing the first letters of a name picks it, no list to open.
            await Expect(page.GetByTestId("filter-website").Locator($"option[value='{websiteId}']")).ToContainTextAsync(Name);
            await Keyboard.TabToAsync(page, "filter-website");
            await page.Keyboard.TypeAsync(Name);
            await Expect(page.GetByTestId("filter-website")).ToHaveValueAsync(websiteId);
            await Expect(Rows(page)).ToHaveCountAsync(3);
            await Expect(Rows(page).Filter(new() { Has = page.Locator($"[data-website-id='{websiteId}']") })).ToHaveCountAsync(3);

            // The channel and the outcome are rows of toggle buttons: Tab to one, Space or Enter presses it.
            await Keyboard.TabToAsync(page, "filter-channel-instagram");
            await Keyboard.PressAsync(page, "Space");
            await Expect(page.GetByTestId("filter-channel-instagram")).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(page.GetByTestId("filter-channel-all")).ToHaveAttributeAsync("aria-pressed", "false");
            await Expect(Rows(page)).ToHaveCountAsync(2);
            await Expect(page.Locator("[data-testid=activity-row]:not([data-channel=instagram])")).ToHaveCountAsync(0);

            await Keyboard.TabToAsync(page, "filter-outcome-Skipped");
            await Keyboard.PressAsync(page, "Enter");
            await Expect(page.GetByTestId("filter-outcome-Skipped")).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(Rows(page)).ToHaveCountAsync(1);
            await Expect(Rows(page)).ToHaveAttributeAsync("data-session", skippedInstagram.SessionId);
            await Expect(page.GetByTestId("export-csv")).ToHaveAttributeAsync("href", new Regex($"\\?website={websiteId}&channel=instagram&outcome=skipped$"));

            // The export is after the filters in the page's order.
            await Keyboard.TabToAsync(page, "export-csv");
            var download = await page.RunAndWaitForDownloadAsync(() => Keyboard.PressAsync(page, "Enter"));
            Assert.Matches(@"^richcontact-activity-\d{8}-\d{6}\.csv$", download.SuggestedFilename);
            var rows = Csv.Records((await File.ReadAllTextAsync((await download.PathAsync())!)).TrimStart('\uFEFF'));
            Assert.Equal([skippedInstagram.SessionId], rows.Select(r => r["session_id"]));

            // Shift+Tab goes back through the same controls: every outcome again, then "All" lifts the outcome filter.
            await Keyboard.TabToAsync(page, "filter-outcome-all", backwards: true);
            await Keyboard.PressAsync(page, "Space");
            await Expect(page.GetByTestId("filter-outcome-all")).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(Rows(page)).ToHaveCountAsync(2);
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
            await Keyboard.PressAsync(page, "Space");
            await Keyboard.TabToAsync(page, "backfill-preview");
            await Keyboard.PressAsync(page, "Enter");
            await Expect(page.GetByTestId("preview-conversations")).ToHaveTextAsync("4");

            // Crisp slow: the run is still running when Pause is reached.
            await App.Sandbox.Control.FaultsAsync(new SandboxFaults { LatencyMs = 1000 });
            try
            {
                await Keyboard.TabToAsync(page, "backfill-start");
                await Keyboard.PressAsync(page, "Enter");
                await Expect(page.GetByTestId("backfill-progress-card")).ToHaveAttributeAsync("data-status", "Running");
                await Keyboard.TabToAsync(page, "backfill-pause");
                await Keyboard.PressAsync(page, "Space");
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
    public async Task Every_setting_and_save_on_crisps_settings_page_take_tab_enter_and_space()
    {
        var website = await App.InstallAsync("Teclado Definicoes", "teclado-definicoes.example.pt");
        var before = await App.Get<WebsiteSettingsStore>().GetAsync(website.WebsiteId);
        Assert.True(before is { Enabled: true, AllChannels: true, PreviewOnly: false, EnrichGeolocation: false, MendPlaceholders: true,
            UnsubscribePlaceholders: true, TimelineEvent: false, DefaultCountry: null });
        var page = await fixture.NewPageAsync(900, 1000);
        await BrowserFixture.RunAsync(page, nameof(Every_setting_and_save_on_crisps_settings_page_take_tab_enter_and_space), async () =>
        {
            await page.GotoAsync(Url($"crisp/settings?website_id={website.WebsiteId}&token={website.Token}"));
            await Expect(page.Locator("[data-testid=settings-form][data-interactive]")).ToBeVisibleAsync();

            // Off and on again: the master switch works from the keyboard and leaves the form enabled.
            await Keyboard.TabToAsync(page, "enabled");
            await Keyboard.PressAsync(page, "Space");
            await Expect(page.GetByTestId("enabled")).Not.ToBeCheckedAsync();
            await Keyboard.PressAsync(page, "Space");
            await Expect(page.GetByTestId("enabled")).ToBeCheckedAsync();
            await Keyboard.TabToAsync(page, "preview-only");
            await Keyboard.PressAsync(page, "Space");
            // "All integrations" or "Only these channels": two toggle buttons, each a Tab stop of its own.
            await Expect(page.GetByTestId("all-channels")).ToHaveAttributeAsync("aria-pressed", "true");
            await Keyboard.TabToAsync(page, "pick-channels");
            await Keyboard.PressAsync(page, "Space");
            await Expect(page.GetByTestId("pick-channels")).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(page.GetByTestId("all-channels")).ToHaveAttributeAsync("aria-pressed", "false");
            await Expect(page.GetByTestId("channel-list")).ToBeVisibleAsync();
            await Keyboard.TabToAsync(page, "channel-whatsapp");
            await Keyboard.PressAsync(page, "Space");
            await Expect(page.GetByTestId("channel-whatsapp")).Not.ToBeCheckedAsync();
            await Keyboard.TabToAsync(page, "new-segment");
            await page.Keyboard.TypeAsync("vip");
            await Keyboard.PressAsync(page, "Enter");
            await Expect(page.GetByTestId("segment")).ToHaveTextAsync("vip");
            await Keyboard.TabToAsync(page, "skip-if-email");
            await Keyboard.PressAsync(page, "Space");
            await Keyboard.TabToAsync(page, "geolocation");
            await Keyboard.PressAsync(page, "Space");
            await Keyboard.TabToAsync(page, "mend-placeholders");
            await Keyboard.PressAsync(page, "Space");
            await Keyboard.TabToAsync(page, "unsubscribe-placeholders");
            await Keyboard.PressAsync(page, "Space");
            await Keyboard.TabToAsync(page, "timeline-event");
            await Keyboard.PressAsync(page, "Space");
            // A native select: the country's first letters pick it, as in any form.
            await Keyboard.TabToAsync(page, "default-country");
            await page.Keyboard.TypeAsync("Portugal");
            await Expect(page.GetByTestId("default-country")).ToHaveValueAsync("PT");
            await Keyboard.TabToAsync(page, "exclusions");
            await page.Keyboard.TypeAsync("+351 91 000");
            await Keyboard.TabToAsync(page, "save");
            await Keyboard.PressAsync(page, "Enter");
            await Expect(page.GetByTestId("save-status")).ToHaveTextAsync("Saved. The change applies at once.");

            // Shift+Tab goes back up the form: the channel choice again, and "All integrations" is a press away.
            await Keyboard.TabToAsync(page, "all-channels", backwards: true);
            await Expect(page.GetByTestId("all-channels")).ToHaveAttributeAsync("aria-pressed", "false");

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
            Assert.False(saved.UnsubscribePlaceholders);
            Assert.True(saved.TimelineEvent);
            Assert.Equal("PT", saved.DefaultCountry);
            Assert.Equal(["+35191000"], saved.Exclusions);
        });
    }
}
