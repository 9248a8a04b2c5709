using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Sandbox;
using RichContact.Testing;
using static Microsoft.Playwright.Assertions;

namespace RichContact.Web.Tests.Browser;

/// <summary>
/// Crisp refuses new contacts on a website (its plan's contacts limit): the operator sees a banner on the
/// overview and on the website's page, saves the settings once the plan is raised, watches the banner go
/// as the next conversation gets its contact, and is offered the conversations refused meanwhile.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContactsLimitBrowserTests(BrowserFixture fixture)
{
    private RichContactApp App => fixture.App;

    private string Url(string path) => new Uri(App.BaseUrl, path).ToString();

    private Task<string> StartConversationAsync(string websiteId, string phone) =>
        App.Sandbox.Control.StartConversationAsync(new StartConversationRequest { WebsiteId = websiteId, Origin = "whatsapp", Phone = phone, Nickname = "Cliente" });

    [Fact]
    public async Task A_limited_website_shows_a_banner_until_a_save_lets_a_contact_through_and_then_offers_the_refused_conversations()
    {
        var websiteId = await App.InstallWebsiteAsync("Limite Cheio", "limite-cheio.example.pt");
        using var activity = new ActivityRecorder(App.Get<ActivityStream>());
        await App.Sandbox.Control.SetPeopleLimitAsync(websiteId, PeopleLimitReadings.PlanLimit);
        var refused = await activity.OutcomeAsync(await StartConversationAsync(websiteId, "+351 916 100 001"));
        Assert.Equal((ActivityOutcome.Failed, ReasonCodes.ContactsLimit), (refused.Outcome, refused.Reason));

        var page = await fixture.NewPageAsync();
        await BrowserFixture.RunAsync(page, nameof(A_limited_website_shows_a_banner_until_a_save_lets_a_contact_through_and_then_offers_the_refused_conversations), async () =>
        {
            await page.GotoAsync(Url(""));
            await page.GetByTestId("password").FillAsync(RichContactApp.AdminPassword);
            await page.GetByTestId("login").ClickAsync();
            var overviewBanner = page.Locator($"[data-testid=contacts-limit-banner][data-website-id='{websiteId}']");
            await Expect(overviewBanner).ToBeVisibleAsync();
            await Expect(page.Locator($"[data-testid=contacts-limit-region][role=status] [data-testid=contacts-limit-banner][data-website-id='{websiteId}']")).ToBeVisibleAsync();
            await Expect(overviewBanner).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Crisp's contacts limit for\s+Limite Cheio limite-cheio\.example\.pt\s+is reached"));
            await Expect(overviewBanner.GetByTestId("contacts-limit-reason")).ToHaveTextAsync("crisp_402_plan_limit_reached");
            await Expect(page.Locator("local-time:not([data-rendered])")).ToHaveCountAsync(0);
            await Axe.AssertNoViolationsAsync(page, "the overview with a limited website");

            await overviewBanner.GetByRole(Microsoft.Playwright.AriaRole.Link).ClickAsync();
            await Expect(page.Locator("[data-testid=settings-form][data-interactive]")).ToBeVisibleAsync();
            var banner = page.GetByTestId("contacts-limit-banner");
            await Expect(banner).ToContainTextAsync("Crisp's contacts limit for this website is reached");
            await Expect(page.Locator("local-time:not([data-rendered])")).ToHaveCountAsync(0);
            await Axe.AssertNoViolationsAsync(page, "a limited website");

            // The plan is raised in Crisp; the owner saves: the next conversation tries, gets its contact, and the banner goes.
            await App.Sandbox.Control.SetPeopleLimitAsync(websiteId, PeopleLimitReadings.None);
            await page.GetByTestId("save").ClickAsync();
            await Expect(page.GetByTestId("save-status")).ToHaveTextAsync("Saved. The change applies at once.");
            var created = await activity.OutcomeAsync(await StartConversationAsync(websiteId, "+351 916 100 002"));
            Assert.Equal(ActivityOutcome.Created, created.Outcome);
            await Expect(banner).ToHaveCountAsync(0);

            // The conversation refused meanwhile is offered on the past-conversations page.
            await page.GetByTestId("past-conversations-link").ClickAsync();
            await Expect(page.Locator("[data-testid=backfill-page][data-interactive]")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("refused-by-limit-offer")).ToContainTextAsync("1 conversation(s) got no contact");
            await Expect(page.Locator("local-time:not([data-rendered])")).ToHaveCountAsync(0);
            await Axe.AssertNoViolationsAsync(page, "past conversations offering the refused ones");
            await page.GetByTestId("refused-by-limit-preview").ClickAsync();
            await Expect(page.GetByTestId("preview-to-process")).ToHaveTextAsync("1");
            await page.GetByTestId("backfill-discard").ClickAsync();
        });
    }
}
