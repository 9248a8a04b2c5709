using System.Net;
using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Sandbox;
using RichContact.Testing;
using RichContact.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RichContact.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SettingsPageBrowserTests(BrowserFixture fixture)
{
    private RichContactApp App => fixture.App;

    private Uri SettingsUrl(string websiteId, string token, string? locale = null) =>
        new(App.BaseUrl, $"crisp/settings?website_id={websiteId}&token={token}" + (locale is null ? "" : $"&locale={locale}"));

    [Fact]
    public async Task In_crisps_iframe_turning_whatsapp_off_means_a_whatsapp_conversation_creates_no_contact_and_an_instagram_one_does()
    {
        // The last demo website: the sandbox form of the feed test starts conversations on the first.
        var website = App.Sandbox.Options.Websites[^1];
        var page = await fixture.NewPageAsync(900, 1000);
        await BrowserFixture.RunAsync(page, nameof(In_crisps_iframe_turning_whatsapp_off_means_a_whatsapp_conversation_creates_no_contact_and_an_instagram_one_does), async () =>
        {
            await page.GotoAsync(fixture.Dashboard.PageFor(SettingsUrl(website.Id, website.Token)));
            var frame = page.FrameLocator("#crisp-plugin");
            // Clicks count only once the form is live on its Blazor circuit, inside the cross-site iframe.
            await Expect(frame.Locator("[data-testid=settings-form][data-interactive]")).ToBeVisibleAsync();

            await frame.GetByTestId("pick-channels").ClickAsync();
            await Expect(frame.GetByTestId("channel-whatsapp")).ToBeCheckedAsync();
            await frame.GetByTestId("channel-whatsapp").ClickAsync();
            await Expect(frame.GetByTestId("channel-whatsapp")).Not.ToBeCheckedAsync();
            await Expect(frame.GetByTestId("channel-instagram")).ToBeCheckedAsync();
            await frame.GetByTestId("save").ClickAsync();
            await Expect(frame.GetByTestId("save-status")).ToHaveTextAsync("Saved. The change applies at once.");

            await App.WaitForCrispAsync();
            using var waiter = new ActivityRecorder(App.Get<ActivityStream>());
            var whatsapp = await App.Sandbox.Control.StartConversationAsync(new StartConversationRequest
            { WebsiteId = website.Id, Origin = "whatsapp", Phone = "+351 912 000 001", Nickname = "Wanda", Message = "Hi" });
            var instagram = await App.Sandbox.Control.StartConversationAsync(new StartConversationRequest
            { WebsiteId = website.Id, Origin = "instagram", Phone = "+351 912 000 002", Nickname = "Igor", Message = "Hi" });

            var skipped = await waiter.OutcomeAsync(whatsapp);
            var created = await waiter.OutcomeAsync(instagram);
            Assert.Equal((ActivityOutcome.Skipped, ReasonCodes.ChannelNotMonitored), (skipped.Outcome, skipped.Reason));
            Assert.Equal(ActivityOutcome.Created, created.Outcome);
            var profiles = await App.Sandbox.Control.ProfilesAsync(website.Id);
            Assert.Equal([created.PeopleId], profiles.Select(p => p["people_id"]!.GetValue<string>()));

            // The page's own activity list shows both, live, with links into Crisp.
            var row = frame.Locator($"[data-testid=activity-row][data-session='{instagram}']");
            await Expect(row).ToBeVisibleAsync();
            await Expect(row.GetByTestId("contact-link")).ToHaveAttributeAsync("href",
                $"https://app.crisp.chat/website/{website.Id}/contacts/profile/{created.PeopleId}/");
            await Expect(frame.Locator($"[data-testid=activity-row][data-session='{whatsapp}']")).ToBeVisibleAsync();

            // The form is taller than Crisp's frame and Save scrolled it down: the docs show it from its top.
            if (DocsScreenshots.Enabled)
                await frame.Locator("[data-testid=settings-form]").EvaluateAsync("form => form.ownerDocument.defaultView.scrollTo(0, 0)");
            await DocsScreenshots.SaveAsync(page.Locator("#crisp-plugin"), "settings.png");
        });
    }

    [Fact]
    public async Task A_wrong_missing_or_other_websites_token_gets_a_plain_refusal_and_no_settings()
    {
        var (first, second) = (App.Sandbox.Options.Websites[0], App.Sandbox.Options.Websites[1]);
        var page = await fixture.NewPageAsync();
        await BrowserFixture.RunAsync(page, nameof(A_wrong_missing_or_other_websites_token_gets_a_plain_refusal_and_no_settings), async () =>
        {
            foreach (var url in new[]
            {
                SettingsUrl(first.Id, "0123456789abcdef0123456789abcdef"),
                SettingsUrl(first.Id, second.Token),
                new Uri(App.BaseUrl, $"crisp/settings?website_id={first.Id}"),
                new Uri(App.BaseUrl, "crisp/settings"),
            })
            {
                var response = await page.GotoAsync(url.ToString());
                Assert.Equal((int)HttpStatusCode.Forbidden, response!.Status);
                await Expect(page.GetByTestId("refused")).ToBeVisibleAsync();
                await Expect(page.GetByTestId("settings-form")).ToHaveCountAsync(0);
            }

            var allowed = await page.GotoAsync(SettingsUrl(second.Id, second.Token, locale: "fr").ToString());
            Assert.Equal((int)HttpStatusCode.OK, allowed!.Status);
            await Expect(page.GetByTestId("save")).ToHaveTextAsync("Enregistrer");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        });
    }

    [Fact]
    public async Task Only_the_settings_page_may_be_framed_and_only_by_the_configured_ancestors()
    {
        using var http = new HttpClient { BaseAddress = App.BaseUrl };
        var website = App.Sandbox.Options.Websites[0];

        using var settings = await http.GetAsync($"crisp/settings?website_id={website.Id}&token={website.Token}");
        Assert.Equal($"frame-ancestors {fixture.Dashboard.Origin}", settings.Headers.GetValues("Content-Security-Policy").Single());
        Assert.False(settings.Headers.Contains("X-Frame-Options"));

        foreach (var path in new[] { "login", "activity", "healthz", "app.css" })
        {
            using var response = await http.GetAsync(path);
            Assert.Equal("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        }
    }
}
