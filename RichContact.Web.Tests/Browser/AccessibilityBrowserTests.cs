using Microsoft.Playwright;
using RichContact.Engine.Activity;
using RichContact.Engine.Backfill;
using RichContact.Engine.Contacts;
using RichContact.Sandbox;
using static Microsoft.Playwright.Assertions;

namespace RichContact.Web.Tests.Browser;

/// <summary>
/// Every page an operator or a workspace owner reads, in each of its states, has no WCAG 2.1 A or AA
/// violation that axe-core finds (contrast, names, roles, labels, language): a regression fails here.
/// The Hangfire dashboard is Hangfire's and is left out.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityBrowserTests(BrowserFixture fixture)
{
    private RichContactApp App => fixture.App;

    private string Url(string path) => new Uri(App.BaseUrl, path).ToString();

    private async Task<IPage> LoggedInAsync(string path)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(Url(path));
        await page.GetByTestId("password").FillAsync(RichContactApp.AdminPassword);
        await page.GetByTestId("login").ClickAsync();
        await Expect(page).ToHaveURLAsync(Url(path));
        return page;
    }

    /// <summary>Times are written by a script: axe reads them once they are.</summary>
    private static Task TimesWrittenAsync(IPage page) =>
        Expect(page.Locator("local-time:not([data-rendered])")).ToHaveCountAsync(0);

    [Fact]
    public async Task The_login_page_has_no_axe_violations_before_and_after_a_wrong_password()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.RunAsync(page, nameof(The_login_page_has_no_axe_violations_before_and_after_a_wrong_password), async () =>
        {
            await page.GotoAsync(Url("login"));
            await Axe.AssertNoViolationsAsync(page, "the login page");

            await page.GetByTestId("password").FillAsync("not the password");
            await page.GetByTestId("login").ClickAsync();
            await Expect(page.GetByTestId("login-error")).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page, "the login page after a wrong password");
        });
    }

    [Fact]
    public async Task The_overview_the_websites_and_a_website_have_no_axe_violations()
    {
        await App.WaitForCrispAsync();
        var website = App.Sandbox.Options.Websites[1];
        var page = await LoggedInAsync("");
        await BrowserFixture.RunAsync(page, nameof(The_overview_the_websites_and_a_website_have_no_axe_violations), async () =>
        {
            await Expect(page.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "Connected");
            await Expect(page.GetByTestId("sandbox-banner")).ToBeVisibleAsync();
            await TimesWrittenAsync(page);
            await Axe.AssertNoViolationsAsync(page, "the overview");

            await page.GotoAsync(Url("websites"));
            await Expect(page.Locator("[data-testid=websites][data-interactive]")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-testid=website-name][data-known=true]").First).ToBeVisibleAsync();
            await TimesWrittenAsync(page);
            await Axe.AssertNoViolationsAsync(page, "the websites");

            await page.GotoAsync(Url($"websites/{website.Id}"));
            await Expect(page.Locator("[data-testid=settings-form][data-interactive]")).ToBeVisibleAsync();
            await TimesWrittenAsync(page);
            await Axe.AssertNoViolationsAsync(page, "a website");
        });
    }

    [Fact]
    public async Task The_activity_feed_with_entries_of_every_outcome_unfiltered_and_filtered_has_no_axe_violations()
    {
        var websiteId = await App.InstallWebsiteAsync("Acessível", "acessivel.example.pt");
        var log = App.Get<ActivityLog>();
        var reasons = new Dictionary<ActivityOutcome, string?>
        {
            [ActivityOutcome.Created] = null,
            [ActivityOutcome.Existing] = null,
            [ActivityOutcome.Skipped] = ReasonCodes.ChannelNotMonitored,
            [ActivityOutcome.Failed] = "crisp_500",
            [ActivityOutcome.Mend] = ReasonCodes.EmailTaken,
            [ActivityOutcome.WouldCreate] = null,
        };
        Assert.Equal(Enum.GetValues<ActivityOutcome>().Length, reasons.Count);
        foreach (var (outcome, reason) in reasons)
        {
            var entry = Support.Activity.Entry(websiteId, outcome: outcome);
            entry.Reason = reason;
            entry.BackfillRunId = outcome == ActivityOutcome.Created ? 1 : null;
            Assert.True(await log.RecordAsync(entry));
        }

        var page = await LoggedInAsync("activity");
        await BrowserFixture.RunAsync(page, nameof(The_activity_feed_with_entries_of_every_outcome_unfiltered_and_filtered_has_no_axe_violations), async () =>
        {
            await Expect(page.Locator("[data-testid=filters][data-interactive]")).ToBeVisibleAsync();
            foreach (var outcome in reasons.Keys)
                await Expect(page.Locator($"[data-testid=activity-row][data-outcome={outcome}]").First).ToBeVisibleAsync();
            await TimesWrittenAsync(page);
            await Axe.AssertNoViolationsAsync(page, "the activity feed");

            // Filtered: a website picked in the select, a channel's and an outcome's toggle buttons pressed.
            await page.GetByTestId("filter-website").SelectOptionAsync(websiteId);
            await page.GetByTestId("filter-channel-whatsapp").ClickAsync();
            await page.GetByTestId("filter-outcome-Skipped").ClickAsync();
            await Expect(page.GetByTestId("filter-outcome-Skipped")).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(page.GetByTestId("activity-row")).ToHaveCountAsync(1);
            await Axe.AssertNoViolationsAsync(page, "the activity feed, filtered");
        });
    }

    [Fact]
    public async Task Past_conversations_previewed_running_and_finished_have_no_axe_violations()
    {
        var websiteId = await App.InstallWebsiteAsync("Passado Acessível", "passado-acessivel.example.pt");
        for (var i = 0; i < 4; i++)
            await App.Sandbox.Control.StartConversationAsync(new StartConversationRequest
            {
                WebsiteId = websiteId, Origin = "whatsapp", Phone = $"+351 915 200 {i:D3}", Nickname = $"Cliente {i}",
                CreatedAt = DateTimeOffset.UtcNow.AddDays(-2 - i),
            });
        var page = await LoggedInAsync($"websites/{websiteId}/past-conversations");
        await BrowserFixture.RunAsync(page, nameof(Past_conversations_previewed_running_and_finished_have_no_axe_violations), async () =>
        {
            await Expect(page.Locator("[data-testid=backfill-page][data-interactive]")).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page, "past conversations, before a preview");

            await page.GetByTestId("backfill-preview").ClickAsync();
            await Expect(page.GetByTestId("preview-conversations")).ToHaveTextAsync("4");
            await Axe.AssertNoViolationsAsync(page, "a backfill's preview");

            // Crisp slow enough for the run to be watched running.
            await App.Sandbox.Control.FaultsAsync(new SandboxFaults { LatencyMs = 700 });
            try
            {
                await page.GetByTestId("backfill-start").ClickAsync();
                await Expect(page.GetByTestId("backfill-progress-card")).ToHaveAttributeAsync("data-status", "Running");
                await Expect(page.GetByTestId("backfill-pause")).ToBeVisibleAsync();
                await Axe.AssertNoViolationsAsync(page, "a running backfill");
            }
            finally
            {
                await App.Sandbox.Control.ClearFaultsAsync();
            }
            await Expect(page.GetByTestId("backfill-progress-card")).ToHaveAttributeAsync("data-status", "Done", new() { Timeout = 60_000 });
            await Expect(page.Locator("[data-testid=backfill-history-row][data-status=Done]")).ToHaveCountAsync(1);
            await TimesWrittenAsync(page);
            await Axe.AssertNoViolationsAsync(page, "a finished backfill");
        });
        Assert.Equal(BackfillStatus.Done, (await App.Get<BackfillStore>().CurrentAsync(websiteId))!.Status);
    }

    [Theory]
    [InlineData("en-US", null, "Save", "Not saved")]
    [InlineData("fr-FR", null, "Enregistrer", "Non enregistré")]
    [InlineData("en-US", "fr", "Enregistrer", "Non enregistré")]
    public async Task The_settings_page_has_no_axe_violations_in_the_owners_language_saved_refused_and_refusing_a_segment(
        string browserLanguage, string? locale, string save, string notSaved)
    {
        var website = await App.InstallAsync($"Reglages {browserLanguage} {locale}", $"reglages-{browserLanguage}-{locale}.example.pt".ToLowerInvariant());
        var page = await fixture.NewPageAsync(760, 960, locale: browserLanguage);
        await BrowserFixture.RunAsync(page, nameof(The_settings_page_has_no_axe_violations_in_the_owners_language_saved_refused_and_refusing_a_segment), async () =>
        {
            var query = $"crisp/settings?website_id={website.WebsiteId}&token={website.Token}" + (locale is null ? "" : $"&locale={locale}");
            await page.GotoAsync(Url(query));
            await Expect(page.Locator("[data-testid=settings-form][data-interactive]")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("save")).ToHaveTextAsync(save);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", save == "Save" ? "en" : "fr");
            await Axe.AssertNoViolationsAsync(page, "the settings page");

            await page.GetByTestId("save").ClickAsync();
            await Expect(page.GetByTestId("save-status")).Not.ToContainTextAsync(notSaved);
            await Axe.AssertNoViolationsAsync(page, "the settings page, saved");

            await page.GetByTestId("new-segment").FillAsync("not a segment!");
            await page.GetByTestId("add-segment").ClickAsync();
            await page.GetByTestId("save").ClickAsync();
            await Expect(page.GetByTestId("save-status")).ToContainTextAsync(notSaved);
            await Expect(page.GetByTestId("error-segments")).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page, "the settings page refusing a segment");

            var refused = await page.GotoAsync(Url($"crisp/settings?website_id={website.WebsiteId}&token=0123456789abcdef0123456789abcdef" + (locale is null ? "" : $"&locale={locale}")));
            Assert.Equal(403, refused!.Status);
            await Expect(page.GetByTestId("refused")).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page, "the settings page refusing a token");
        });
    }

    [Theory]
    [InlineData(false, null, "Connection to Rich Contact", "Connection to Rich Contact lost", "Still no connection")]
    [InlineData(false, "fr", "Connexion à Rich Contact", "Connexion à Rich Contact perdue", "Toujours pas de connexion")]
    [InlineData(true, null, "Connection to Rich Contact", "Connection to Rich Contact lost", "Still no connection")]
    public async Task The_message_shown_while_the_connection_is_down_has_no_axe_violations_in_english_and_french(
        bool portal, string? locale, string dialogName, string reconnecting, string retrying)
    {
        var website = await App.InstallAsync($"Ligacao Acessivel {portal} {locale}", $"ligacao-acessivel-{portal}-{locale}.example.pt".ToLowerInvariant());
        var page = await fixture.NewPageAsync(900, 1000);
        // Every circuit's WebSocket goes through here, so that the test can cut the one in use.
        IWebSocketRoute? socket = null;
        await page.Context.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex("/_blazor"), ws =>
        {
            ws.ConnectToServer();
            socket = ws;
        });
        await BrowserFixture.RunAsync(page, nameof(The_message_shown_while_the_connection_is_down_has_no_axe_violations_in_english_and_french), async () =>
        {
            if (portal)
            {
                await page.GotoAsync(Url($"websites/{website.WebsiteId}"));
                await page.GetByTestId("password").FillAsync(RichContactApp.AdminPassword);
                await page.GetByTestId("login").ClickAsync();
            }
            else
            {
                await page.GotoAsync(Url($"crisp/settings?website_id={website.WebsiteId}&token={website.Token}" + (locale is null ? "" : $"&locale={locale}")));
            }
            await Expect(page.Locator("[data-testid=settings-form][data-interactive]")).ToBeVisibleAsync();
            await TimesWrittenAsync(page);
            Assert.NotNull(socket);

            // The network goes: new connections fail, and the circuit's socket closes.
            await page.Context.SetOfflineAsync(true);
            try
            {
                await socket!.CloseAsync(new() { Code = 4000, Reason = "network gone" });
                // A dialog named in the page's language, its styles applied: only the lines of its state show.
                await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = dialogName, Exact = true })).ToBeVisibleAsync();
                await Expect(page.GetByTestId("reconnecting")).ToContainTextAsync(reconnecting);
                await Expect(page.Locator("#components-reconnect-modal .components-reconnect-failed-visible")).ToHaveCountAsync(2);
                await Expect(page.Locator("#components-reconnect-modal .components-reconnect-failed-visible:visible")).ToHaveCountAsync(0);
                await Expect(page.Locator("#components-reconnect-modal .components-pause-visible:visible")).ToHaveCountAsync(0);
                await Axe.AssertNoViolationsAsync(page, "the page while its connection is down");

                // An attempt failed: the message counts down to the next one.
                await Expect(page.Locator("#components-reconnect-modal .components-reconnect-repeated-attempt-visible")).ToContainTextAsync(retrying, new() { Timeout = 30_000 });
                await Axe.AssertNoViolationsAsync(page, "the page while it retries the connection");
            }
            finally
            {
                await page.Context.SetOfflineAsync(false);
            }
            await Expect(page.GetByTestId("reconnect-modal")).ToBeHiddenAsync(new() { Timeout = 60_000 });
        });
    }

    /// <summary>Every relative time inside the script's <c>region</c> is hidden from screen readers, with a stable label beside it.</summary>
    private const string TicksHiddenIn = """
        region => [...region.querySelectorAll('local-time[format=relative]')].every(t =>
            t.closest('[aria-hidden=true]') !== null
            && t.nextElementSibling?.matches('.rc-sr-only') === true
            && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/.test(t.nextElementSibling.textContent.trim()))
        """;

    [Fact]
    public async Task The_live_feed_announces_a_new_entry_politely_and_never_the_ticking_time()
    {
        await App.WaitForCrispAsync();
        var page = await LoggedInAsync("activity");
        await BrowserFixture.RunAsync(page, nameof(The_live_feed_announces_a_new_entry_politely_and_never_the_ticking_time), async () =>
        {
            await Expect(page.Locator("[data-testid=filters][data-interactive]")).ToBeVisibleAsync();
            var log = page.GetByTestId("activity-log");
            await Expect(log).ToHaveAttributeAsync("role", "log");
            await Expect(log).ToHaveAttributeAsync("aria-live", "polite");
            await Expect(log).ToHaveAttributeAsync("aria-relevant", "additions");

            await page.GetByTestId("sandbox-start").ClickAsync();
            var session = await page.GetByTestId("sandbox-started").GetAttributeAsync("data-session");
            // The new entry arrives inside the live region, its time hidden from it.
            var row = log.Locator($"[data-testid=activity-row][data-session='{session}']");
            await Expect(row).ToBeVisibleAsync();
            await Expect(row.Locator("local-time")).ToHaveAttributeAsync("aria-hidden", "true");
            await Expect(row.GetByTestId("local-time-label")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$"));
            Assert.True(await log.EvaluateAsync<bool>(TicksHiddenIn));
            // What a screen reader reads of the row: no relative time ("… seconds ago").
            Assert.DoesNotMatch("ago", await row.AriaSnapshotAsync());
        });
    }

    [Fact]
    public async Task The_settings_pages_save_status_is_announced_from_a_status_region_present_before_saving()
    {
        var website = await App.InstallAsync("Estado Anunciado", "estado-anunciado.example.pt");
        var page = await fixture.NewPageAsync(760, 960);
        await BrowserFixture.RunAsync(page, nameof(The_settings_pages_save_status_is_announced_from_a_status_region_present_before_saving), async () =>
        {
            await page.GotoAsync(Url($"crisp/settings?website_id={website.WebsiteId}&token={website.Token}"));
            await Expect(page.Locator("[data-testid=settings-form][data-interactive]")).ToBeVisibleAsync();
            // In the page before anything is said, or a screen reader would not announce its first words.
            var region = page.GetByTestId("save-status-region");
            await Expect(region).ToHaveAttributeAsync("role", "status");
            await Expect(region).ToHaveAttributeAsync("aria-live", "polite");
            await Expect(region).ToBeEmptyAsync();

            await page.GetByTestId("save").ClickAsync();
            await Expect(region.GetByTestId("save-status")).ToHaveTextAsync("Saved. The change applies at once.");
            // The website's activity under the form is a log of its own, its times hidden from it.
            Assert.True(await page.GetByTestId("activity-log").EvaluateAsync<bool>(TicksHiddenIn));
        });
    }
}
