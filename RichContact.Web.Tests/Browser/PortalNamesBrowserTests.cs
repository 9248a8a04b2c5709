using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Engine.Settings;
using RichContact.Testing;
using RichContact.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RichContact.Web.Tests.Browser;

/// <summary>
/// Websites by name and domain on every page, reasons as sentences, times in the browser's own zone
/// and the CSV export, as an operator in Kathmandu (UTC+05:45, a zone no server runs in by chance) sees them.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PortalNamesBrowserTests(BrowserFixture fixture)
{
    private const string TimeZone = "Asia/Kathmandu";
    private static readonly TimeSpan KathmanduOffset = TimeSpan.FromMinutes(5 * 60 + 45);
    private const string Name = "Atelier Lumière";
    private const string Domain = "atelier.example.org";

    private RichContactApp App => fixture.App;

    private string Url(string path) => new Uri(App.BaseUrl, path).ToString();

    private static string Local(DateTimeOffset at) => at.ToOffset(KathmanduOffset).ToString("HH:mm:ss");

    /// <summary>A website installs the plugin while the app runs, monitoring WhatsApp only; the engine listens to it.</summary>
    private async Task<(string WebsiteId, WebsiteSettings Settings)> InstallWebsiteAsync()
    {
        var websiteId = await App.InstallWebsiteAsync(Name, Domain);
        var store = App.Get<WebsiteSettingsStore>();
        await store.SaveAsync(WebsiteSettings.DefaultsFor(websiteId) with { AllChannels = false, Channels = ["whatsapp"] });
        return (websiteId, await store.GetAsync(websiteId));
    }

    private static async Task LogInAsync(IPage page)
    {
        await page.GetByTestId("password").FillAsync(RichContactApp.AdminPassword);
        await page.GetByTestId("login").ClickAsync();
    }

    [Fact]
    public async Task An_operator_sees_websites_by_name_and_domain_on_every_page_reasons_as_sentences_and_times_in_their_own_zone()
    {
        var (websiteId, settings) = await InstallWebsiteAsync();
        using var waiter = new ActivityRecorder(App.Get<ActivityStream>());
        // A Telegram conversation where only WhatsApp is monitored, and one on another website.
        var skippedSession = await App.Sandbox.Control.StartConversationAsync(new() { WebsiteId = websiteId, Origin = "telegram", Phone = "+351 912 000 111", Nickname = "Names Visitor" });
        var shop = App.Sandbox.Options.Websites[0];
        var shopSession = await App.Sandbox.Control.StartConversationAsync(new() { WebsiteId = shop.Id, Origin = "whatsapp", Phone = "+351 912 000 222", Nickname = "Names Visitor" });
        var skipped = await waiter.OutcomeAsync(skippedSession);
        await waiter.OutcomeAsync(shopSession);
        Assert.Equal(ReasonCodes.ChannelNotMonitored, skipped.Reason);

        var page = await fixture.NewPageAsync(timezoneId: TimeZone);
        await BrowserFixture.RunAsync(page, nameof(An_operator_sees_websites_by_name_and_domain_on_every_page_reasons_as_sentences_and_times_in_their_own_zone), async () =>
        {
            // Websites: name, domain and id; when its settings were saved, in the operator's zone.
            await page.GotoAsync(Url("websites"));
            await LogInAsync(page);
            await Expect(page.Locator("[data-testid=websites][data-interactive]")).ToBeVisibleAsync();
            var row = page.Locator($"[data-testid=website-row][data-website-id='{websiteId}']");
            await Expect(row.GetByTestId("website-name")).ToContainTextAsync(Name);
            await Expect(row.GetByTestId("website-name")).ToContainTextAsync(Domain);
            await Expect(row.GetByTestId("website-id")).ToHaveTextAsync(websiteId);
            await Expect(page.Locator($"[data-testid=website-row][data-website-id='{shop.Id}']")).ToContainTextAsync($"{shop.Name} shop.example.com {shop.Id}");
            var saved = row.Locator("local-time");
            await Expect(saved).ToContainTextAsync(Local(settings.UpdatedAt!.Value));
            await Expect(saved).ToContainTextAsync("GMT+5:45");

            // The website's own page is titled by its name.
            await row.GetByRole(AriaRole.Link).ClickAsync();
            await Expect(page).ToHaveURLAsync(Url($"websites/{websiteId}"));
            await Expect(page).ToHaveTitleAsync($"{Name} · Rich Contact");
            await Expect(page.GetByTestId("website-title")).ToContainTextAsync($"{Name} {Domain}");

            // The feed: the website's name, the reason as a sentence with its code, a relative local time.
            await page.GotoAsync(Url("activity"));
            await Expect(page.Locator("[data-testid=filters][data-interactive]")).ToBeVisibleAsync();
            var entry = page.Locator($"[data-testid=activity-row][data-session='{skippedSession}']");
            await Expect(entry.GetByTestId("website-name")).ToContainTextAsync($"{Name} {Domain}");
            await Expect(entry.Locator(".rc-reason-sentence")).ToHaveTextAsync("the channel is not monitored on this website");
            await Expect(entry.Locator("[data-testid=reason] code")).ToHaveTextAsync("channel_not_monitored");
            var when = entry.Locator("local-time");
            await Expect(when).ToHaveTextAsync(new Regex(@"^(now|\d+ seconds? ago|\d+ minutes? ago)$"));
            await Expect(when).ToHaveAttributeAsync("title", new Regex(Regex.Escape(Local(skipped.At)) + ".*GMT\\+5:45"));

            // The website filter offers names, and keeps that website's entries only.
            await Expect(page.GetByTestId("filter-website").Locator($"option[value='{websiteId}']")).ToContainTextAsync($"{Name} {Domain}");
            await page.GetByTestId("filter-website").SelectOptionAsync(new SelectOptionValue { Label = $"{Name} {Domain}" });
            await Expect(page.Locator($"[data-testid=activity-row][data-session='{shopSession}']")).ToHaveCountAsync(0);
            await Expect(entry).ToBeVisibleAsync();
            await Expect(page.Locator($"[data-testid=activity-row] [data-testid=website-name]:not([data-website-id='{websiteId}'])")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("filter-website")).ToHaveValueAsync(websiteId);

            // The export downloads what the filter keeps, names included.
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());
            Assert.Matches(@"^richcontact-activity-\d{8}-\d{6}\.csv$", download.SuggestedFilename);
            var rows = Csv.Records((await File.ReadAllTextAsync((await download.PathAsync())!)).TrimStart('\uFEFF'));
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.Equal((websiteId, Name, Domain), (r["website_id"], r["website_name"], r["website_domain"])));
            Assert.Contains(rows, r => r["session_id"] == skippedSession && r["reason_code"] == ReasonCodes.ChannelNotMonitored);

            // The overview counts conversations by website, by name.
            await page.GetByRole(AriaRole.Link, new() { Name = "Overview" }).ClickAsync();
            await Expect(page.Locator($"[data-testid=website-count][data-website-id='{websiteId}']")).ToContainTextAsync(Name);
            await Expect(page.Locator($"[data-testid=website-count][data-website-id='{shop.Id}']")).ToContainTextAsync(shop.Name!);
        });
    }
}
