using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RichContact.Engine.Backfill;
using RichContact.Engine.Settings;
using RichContact.Sandbox;
using RichContact.Testing;
using static Microsoft.Playwright.Assertions;

namespace RichContact.Web.Tests.Browser;

/// <summary>
/// An operator clicks a page's control as soon as it shows, without waiting for anything: the click
/// must do what it says, never be dropped while the page's circuit connects. Each test runs twice:
/// as fast as the machine goes, and with the circuit held back (a slow network), when the control
/// must show disabled and take the click once the page is live.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FirstClickBrowserTests(BrowserFixture fixture)
{
    private RichContactApp App => fixture.App;

    private string Url(string path) => new Uri(App.BaseUrl, path).ToString();

    /// <summary>Opens an admin page through the login form (a plain form post, live without any circuit).</summary>
    private async Task<(IPage Page, CircuitGate? Gate)> OpenAsync(string path, bool slowCircuit)
    {
        var page = await fixture.NewPageAsync();
        var gate = slowCircuit ? await CircuitGate.HoldAsync(page.Context) : null;
        await page.GotoAsync(Url(path));
        await page.GetByTestId("password").FillAsync(RichContactApp.AdminPassword);
        await page.GetByTestId("login").ClickAsync();
        await Expect(page).ToHaveURLAsync(Url(path));
        return (page, gate);
    }

    /// <summary>
    /// Clicks at once. With the circuit held: the control shows, disabled, and the click waits for it
    /// to turn on when the circuit is let through (Playwright clicks only an enabled control, as a
    /// person's click only counts on one).
    /// </summary>
    private static async Task ClickAtOnceAsync(ILocator control, CircuitGate? gate)
    {
        if (gate is null)
        {
            await control.ClickAsync();
            return;
        }
        await Expect(control).ToBeVisibleAsync();
        await Expect(control).ToBeDisabledAsync();
        var click = control.ClickAsync();
        gate.Open();
        await click;
    }

    private async Task<string> WebsiteWithPastConversationsAsync(string name)
    {
        var websiteId = await App.InstallWebsiteAsync(name, $"{name.ToLowerInvariant().Replace(' ', '-')}.example.pt");
        for (var i = 0; i < 3; i++)
            await App.Sandbox.Control.StartConversationAsync(new StartConversationRequest
            {
                WebsiteId = websiteId, Origin = "whatsapp", Phone = $"+351 914 100 {i:D3}", Nickname = $"Cliente {i}",
                CreatedAt = DateTimeOffset.UtcNow.AddDays(-2 - i),
            });
        return websiteId;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Preview_clicked_as_soon_as_the_past_conversations_page_shows_lists_the_range_and_create_contacts_starts_the_run(bool slowCircuit)
    {
        var websiteId = await WebsiteWithPastConversationsAsync($"Primeiro Clique {(slowCircuit ? "Lento" : "Rapido")}");
        var path = $"websites/{websiteId}/past-conversations";
        var (page, gate) = await OpenAsync(path, slowCircuit);
        await BrowserFixture.RunAsync(page, nameof(Preview_clicked_as_soon_as_the_past_conversations_page_shows_lists_the_range_and_create_contacts_starts_the_run), async () =>
        {
            try
            {
                await ClickAtOnceAsync(page.GetByTestId("backfill-preview"), gate);
                await Expect(page.GetByTestId("preview-conversations")).ToHaveTextAsync("3");

                // The page again, its preview prerendered: Create contacts at once.
                var reloaded = slowCircuit ? await CircuitGate.HoldAsync(page.Context) : null;
                await page.GotoAsync(Url(path));
                await ClickAtOnceAsync(page.GetByTestId("backfill-start"), reloaded);
                await Expect(page.GetByTestId("backfill-progress-card")).ToHaveAttributeAsync("data-status", new Regex("^(Running|Done)$"));
                Assert.Contains((await App.Get<BackfillStore>().CurrentAsync(websiteId))!.Status, new[] { BackfillStatus.Running, BackfillStatus.Done });
            }
            finally
            {
                gate?.Open();
            }
        });
    }

    [Theory]
    [InlineData("backfill-resume", false)]
    [InlineData("backfill-cancel", true)]
    public async Task A_paused_run_resumed_or_cancelled_as_soon_as_its_page_shows_leaves_paused(string control, bool slowCircuit)
    {
        var websiteId = await WebsiteWithPastConversationsAsync($"Pausa {control[9..]}");
        var runs = App.Get<BackfillRuns>();
        var preview = await runs.PreviewAsync(websiteId, DateTimeOffset.UtcNow.AddDays(-10), DateTimeOffset.UtcNow);
        // Crisp slow enough that the run is still on its first conversation when paused.
        await App.Sandbox.Control.FaultsAsync(new SandboxFaults { LatencyMs = 1000 });
        try
        {
            Assert.True(await runs.StartAsync(preview.Run.Id));
            Assert.True(await runs.PauseAsync(preview.Run.Id));
        }
        finally
        {
            await App.Sandbox.Control.ClearFaultsAsync();
        }

        var (page, gate) = await OpenAsync($"websites/{websiteId}/past-conversations", slowCircuit);
        await BrowserFixture.RunAsync(page, nameof(A_paused_run_resumed_or_cancelled_as_soon_as_its_page_shows_leaves_paused), async () =>
        {
            try
            {
                await ClickAtOnceAsync(page.GetByTestId(control), gate);
                var expected = control == "backfill-cancel" ? "^Cancelled$" : "^(Running|Done)$";
                await Expect(page.GetByTestId("backfill-progress-card")).ToHaveAttributeAsync("data-status", new Regex(expected));
                await Eventually.TrueAsync(async () => Regex.IsMatch((await App.Get<BackfillStore>().CurrentAsync(websiteId))?.Status.ToString() ?? "none", expected),
                    "the run to leave Paused");
            }
            finally
            {
                gate?.Open();
            }
        });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_outcome_filter_picked_as_soon_as_the_feed_shows_applies_and_the_export_downloads_it(bool slowCircuit)
    {
        var (page, gate) = await OpenAsync("activity", slowCircuit);
        await BrowserFixture.RunAsync(page, nameof(An_outcome_filter_picked_as_soon_as_the_feed_shows_applies_and_the_export_downloads_it), async () =>
        {
            try
            {
                await ClickAtOnceAsync(page.GetByTestId("filter-outcome-Skipped"), gate);
                await Expect(page.GetByTestId("filter-outcome-Skipped")).ToHaveAttributeAsync("aria-pressed", "true");
                await Expect(page.GetByTestId("export-csv")).ToHaveAttributeAsync("href", new Regex("outcome=skipped$"));
                await Expect(page.Locator("[data-testid=activity-row]:not([data-outcome=Skipped])")).ToHaveCountAsync(0);

                var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());
                Assert.Matches(@"^richcontact-activity-\d{8}-\d{6}\.csv$", download.SuggestedFilename);
            }
            finally
            {
                gate?.Open();
            }
        });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_export_clicked_as_soon_as_the_feed_shows_downloads_a_plain_link_needs_no_circuit(bool slowCircuit)
    {
        var (page, gate) = await OpenAsync("activity", slowCircuit);
        await BrowserFixture.RunAsync(page, nameof(The_export_clicked_as_soon_as_the_feed_shows_downloads_a_plain_link_needs_no_circuit), async () =>
        {
            try
            {
                // Not held back by the circuit: it is a link to a file, enabled from the first paint.
                var export = page.GetByTestId("export-csv");
                await Expect(export).ToBeEnabledAsync();
                var download = await page.RunAndWaitForDownloadAsync(() => export.ClickAsync());
                Assert.Matches(@"^richcontact-activity-\d{8}-\d{6}\.csv$", download.SuggestedFilename);
                Assert.StartsWith("entry_id,recorded_at,", (await File.ReadAllTextAsync((await download.PathAsync())!)).TrimStart('\uFEFF'));
            }
            finally
            {
                gate?.Open();
            }
        });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Start_conversation_clicked_as_soon_as_the_feed_shows_starts_a_sandbox_conversation(bool slowCircuit)
    {
        var (page, gate) = await OpenAsync("activity", slowCircuit);
        await BrowserFixture.RunAsync(page, nameof(Start_conversation_clicked_as_soon_as_the_feed_shows_starts_a_sandbox_conversation), async () =>
        {
            try
            {
                await ClickAtOnceAsync(page.GetByTestId("sandbox-start"), gate);
                await Expect(page.GetByTestId("sandbox-started")).ToHaveAttributeAsync("data-session", new Regex("^session_"));
            }
            finally
            {
                gate?.Open();
            }
        });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_setting_changed_as_soon_as_crisps_settings_page_shows_is_saved(bool slowCircuit)
    {
        var website = await App.InstallAsync($"Definicoes {(slowCircuit ? "Lentas" : "Rapidas")}", $"definicoes-{slowCircuit}.example.pt".ToLowerInvariant());
        Assert.False((await App.Get<WebsiteSettingsStore>().GetAsync(website.WebsiteId)).EnrichGeolocation);
        var page = await fixture.NewPageAsync(900, 1000);
        var gate = slowCircuit ? await CircuitGate.HoldAsync(page.Context) : null;
        await BrowserFixture.RunAsync(page, nameof(A_setting_changed_as_soon_as_crisps_settings_page_shows_is_saved), async () =>
        {
            try
            {
                await page.GotoAsync(fixture.Dashboard.PageFor(new Uri(App.BaseUrl, $"crisp/settings?website_id={website.WebsiteId}&token={website.Token}")));
                var frame = page.FrameLocator("#crisp-plugin");
                await ClickAtOnceAsync(frame.GetByTestId("geolocation"), gate);
                await Expect(frame.GetByTestId("geolocation")).ToBeCheckedAsync();
                await frame.GetByTestId("save").ClickAsync();
                await Expect(frame.GetByTestId("save-status")).ToHaveTextAsync("Saved. The change applies at once.");
                Assert.True((await App.Get<WebsiteSettingsStore>().GetAsync(website.WebsiteId)).EnrichGeolocation);
            }
            finally
            {
                gate?.Open();
            }
        });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_website_link_clicked_as_soon_as_the_websites_page_shows_opens_the_website(bool slowCircuit)
    {
        var website = App.Sandbox.Options.Websites[1];
        var (page, gate) = await OpenAsync("websites", slowCircuit);
        await BrowserFixture.RunAsync(page, nameof(A_website_link_clicked_as_soon_as_the_websites_page_shows_opens_the_website), async () =>
        {
            try
            {
                await page.GetByRole(AriaRole.Link, new() { Name = website.Name }).ClickAsync();
                gate?.Open();
                await Expect(page).ToHaveURLAsync(Url($"websites/{website.Id}"));
                await Expect(page.GetByTestId("website-title")).ToContainTextAsync(website.Name!);
                await Expect(page.GetByTestId("settings-form")).ToBeVisibleAsync();
            }
            finally
            {
                gate?.Open();
            }
        });
    }
}
