using Microsoft.Playwright;
using RichContact.Engine.Activity;
using RichContact.Engine.Settings;
using RichContact.Testing;
using static Microsoft.Playwright.Assertions;

namespace RichContact.Web.Tests.Browser;

/// <summary>A dry run, as an operator tries the plugin on a workspace before it touches the CRM.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PreviewOnlyBrowserTests(BrowserFixture fixture)
{
    private const string Name = "Padaria Preview";

    private RichContactApp App => fixture.App;

    private string Url(string path) => new Uri(App.BaseUrl, path).ToString();

    [Fact]
    public async Task An_operator_turns_preview_on_and_the_next_conversation_shows_as_would_create_with_the_badge_and_no_contact_in_crisp()
    {
        // A website of its own: the other browser tests share this app and expect contacts on theirs.
        var websiteId = await App.InstallWebsiteAsync(Name, "padaria.example.pt");

        var page = await fixture.NewPageAsync();
        await BrowserFixture.RunAsync(page, nameof(An_operator_turns_preview_on_and_the_next_conversation_shows_as_would_create_with_the_badge_and_no_contact_in_crisp), async () =>
        {
            await page.GotoAsync(Url($"websites/{websiteId}"));
            await page.GetByTestId("password").FillAsync(RichContactApp.AdminPassword);
            await page.GetByTestId("login").ClickAsync();
            await Expect(page.Locator("[data-testid=settings-form][data-interactive]")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("preview-only")).Not.ToBeCheckedAsync();
            await Expect(page.GetByTestId("website-title").GetByTestId("preview-badge")).ToHaveCountAsync(0);

            await page.GetByText("Preview only: show what would be created, create nothing").ClickAsync();
            await Expect(page.GetByTestId("preview-only")).ToBeCheckedAsync();
            await page.GetByTestId("save").ClickAsync();
            await Expect(page.GetByTestId("save-status")).ToHaveTextAsync("Saved. The change applies at once.");
            await Expect(page.GetByTestId("preview-notice")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("website-title").GetByTestId("preview-badge")).ToHaveTextAsync("Preview only");
            Assert.True((await App.Get<WebsiteSettingsStore>().GetAsync(websiteId)).PreviewOnly);

            // A WhatsApp customer writes in.
            using var waiter = new ActivityRecorder(App.Get<ActivityStream>());
            var session = await App.Sandbox.Control.StartConversationAsync(new()
            { WebsiteId = websiteId, Origin = "whatsapp", Phone = "+351 912 000 401", Nickname = "Paula Preview", Message = "Bom dia" });
            var outcome = await waiter.OutcomeAsync(session);
            Assert.Equal(ActivityOutcome.WouldCreate, outcome.Outcome);

            // The website's own activity says so, live.
            var own = page.GetByTestId("website-activity").Locator($"[data-testid=activity-row][data-session='{session}']");
            await Expect(own).ToContainTextAsync("Would create");

            // The feed: would create, the preview badge beside the website's name, no contact to link to.
            await page.GotoAsync(Url("activity"));
            await Expect(page.Locator("[data-testid=filters][data-interactive]")).ToBeVisibleAsync();
            var row = page.Locator($"[data-testid=activity-row][data-session='{session}']");
            await Expect(row).ToHaveAttributeAsync("data-outcome", "WouldCreate");
            await Expect(row.Locator("[data-outcome-code=would_create]")).ToHaveTextAsync("Would create");
            await Expect(row.GetByTestId("website-name")).ToContainTextAsync(Name);
            await Expect(row.GetByTestId("preview-badge")).ToHaveTextAsync("Preview only");
            await Expect(row.GetByTestId("contact-link")).ToHaveCountAsync(0);

            // The Websites page and the overview carry the badge too, and count what would have been created.
            await page.GetByRole(AriaRole.Link, new() { Name = "Websites", Exact = true }).ClickAsync();
            var websiteRow = page.Locator($"[data-testid=website-row][data-website-id='{websiteId}']");
            await Expect(websiteRow.GetByTestId("preview-badge")).ToBeVisibleAsync();
            await Expect(websiteRow.GetByTestId("website-mode")).ToHaveTextAsync("On, preview only");
            await page.GetByRole(AriaRole.Link, new() { Name = "Overview" }).ClickAsync();
            await Expect(page.Locator($"[data-testid=website-count][data-website-id='{websiteId}'] [data-testid=preview-badge]")).ToBeVisibleAsync();
            // Only this test previews in the shared app.
            await Expect(page.GetByTestId("count-would_create")).ToContainTextAsync("Would create");
            await Expect(page.GetByTestId("count-would_create").Locator("strong")).ToHaveTextAsync("1");

            // Nothing reached Crisp's CRM.
            Assert.Empty(await App.Sandbox.Control.ProfilesAsync(websiteId));
        });
    }
}
