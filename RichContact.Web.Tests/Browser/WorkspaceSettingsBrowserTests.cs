using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Engine.Settings;
using RichContact.Sandbox;
using RichContact.Testing;
using static Microsoft.Playwright.Assertions;

namespace RichContact.Web.Tests.Browser;

/// <summary>The default country, the exclusion list, the new contact's follow-ups and phone-less conversations, set by the owner in Crisp's framed settings page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkspaceSettingsBrowserTests(BrowserFixture fixture)
{
    private RichContactApp App => fixture.App;

    [Fact]
    public async Task In_crisps_iframe_a_default_country_and_exclusions_are_saved_and_decide_the_next_conversations()
    {
        var website = await App.InstallAsync("Exclusoes Lda", "exclusoes.example.pt");
        var page = await fixture.NewPageAsync(900, 1200);
        await BrowserFixture.RunAsync(page, nameof(In_crisps_iframe_a_default_country_and_exclusions_are_saved_and_decide_the_next_conversations), async () =>
        {
            var url = new Uri(App.BaseUrl, $"crisp/settings?website_id={website.WebsiteId}&token={website.Token}&locale=fr");
            await page.GotoAsync(fixture.Dashboard.PageFor(url));
            var frame = page.FrameLocator("#crisp-plugin");
            await Expect(frame.Locator("[data-testid=settings-form][data-interactive]")).ToBeVisibleAsync();

            // Each field has its help line beside it, in the dashboard's language.
            await Expect(frame.GetByTestId("default-country-help")).ToContainTextAsync("sans indicatif");
            await Expect(frame.GetByText("Un par ligne")).ToBeVisibleAsync();
            await Expect(frame.GetByTestId("default-country").Locator("option[value=PT]")).ToHaveTextAsync("Portugal (PT)");

            await frame.GetByTestId("default-country").SelectOptionAsync("PT");
            await frame.GetByTestId("exclusions").FillAsync("+351 91 000\nfront desk");
            await frame.GetByTestId("save").ClickAsync();
            await Expect(frame.GetByTestId("error-exclusions")).ToContainTextAsync("Ligne 2, « front desk »");
            await Expect(frame.GetByTestId("save-status")).ToHaveTextAsync("Non enregistré : corrigez les champs en rouge.");
            // Refused means nothing stored, and what was typed stays in the box to be corrected.
            Assert.Empty((await App.Get<WebsiteSettingsStore>().GetAsync(website.WebsiteId)).Exclusions);
            await Expect(frame.GetByTestId("exclusions")).ToHaveValueAsync("+351 91 000\nfront desk");

            await frame.GetByTestId("exclusions").FillAsync("+351 91 000\n@OurCompany.com");
            await frame.GetByTestId("save").ClickAsync();
            await Expect(frame.GetByTestId("save-status")).ToHaveTextAsync("Enregistré. Le changement s'applique immédiatement.");
            // Shown back as it is kept: normalised the way a conversation is read.
            await Expect(frame.GetByTestId("exclusions")).ToHaveValueAsync("+35191000\n@ourcompany.com");
            await Expect(frame.GetByTestId("default-country")).ToHaveValueAsync("PT");

            await App.WaitForCrispAsync();
            using var waiter = new ActivityRecorder(App.Get<ActivityStream>());
            var national = await App.Sandbox.Control.StartConversationAsync(new StartConversationRequest
            { WebsiteId = website.WebsiteId, Origin = "telegram", Phone = "912 345 611", Nickname = "Nuno", Message = "Olá" });
            var excluded = await App.Sandbox.Control.StartConversationAsync(new StartConversationRequest
            { WebsiteId = website.WebsiteId, Origin = "whatsapp", Phone = "+351 910 001 111", Nickname = "Teste", Message = "Olá" });

            var created = await waiter.OutcomeAsync(national);
            var skipped = await waiter.OutcomeAsync(excluded);
            Assert.Equal(ActivityOutcome.Created, created.Outcome);
            Assert.Equal((ActivityOutcome.Skipped, ReasonCodes.Excluded), (skipped.Outcome, skipped.Reason));
            var profile = Assert.Single(await App.Sandbox.Control.ProfilesAsync(website.WebsiteId));
            Assert.Equal("+351912345611", profile["person"]!["phone"]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task In_crisps_iframe_the_placeholder_unsubscribe_and_the_timeline_event_are_switched_and_apply_to_the_next_contact()
    {
        var website = await App.InstallAsync("Campanhas Lda", "campanhas.example.pt");
        var page = await fixture.NewPageAsync(900, 1200);
        await BrowserFixture.RunAsync(page, nameof(In_crisps_iframe_the_placeholder_unsubscribe_and_the_timeline_event_are_switched_and_apply_to_the_next_contact), async () =>
        {
            var url = new Uri(App.BaseUrl, $"crisp/settings?website_id={website.WebsiteId}&token={website.Token}");
            await page.GotoAsync(fixture.Dashboard.PageFor(url));
            var frame = page.FrameLocator("#crisp-plugin");
            await Expect(frame.Locator("[data-testid=settings-form][data-interactive]")).ToBeVisibleAsync();

            // The defaults: placeholders kept out of campaigns, no timeline line (it costs a call).
            await Expect(frame.GetByTestId("unsubscribe-placeholders")).ToBeCheckedAsync();
            await Expect(frame.GetByTestId("timeline-event")).Not.ToBeCheckedAsync();
            await Expect(frame.GetByTestId("unsubscribe-placeholders-help")).ToContainTextAsync("a real email is never unsubscribed");
            await Expect(frame.GetByTestId("timeline-event-help")).ToContainTextAsync("One call more per contact");

            await frame.GetByTestId("unsubscribe-placeholders").ClickAsync();
            await frame.GetByTestId("timeline-event").ClickAsync();
            await Expect(frame.GetByTestId("timeline-event")).ToBeCheckedAsync();
            await frame.GetByTestId("save").ClickAsync();
            await Expect(frame.GetByTestId("save-status")).ToHaveTextAsync("Saved. The change applies at once.");

            await App.WaitForCrispAsync();
            using var waiter = new ActivityRecorder(App.Get<ActivityStream>());
            var session = await App.Sandbox.Control.StartConversationAsync(new StartConversationRequest
            { WebsiteId = website.WebsiteId, Origin = "whatsapp", Phone = "+351 912 000 611", Nickname = "Marta", Message = "Olá" });

            var created = await waiter.OutcomeAsync(session);
            Assert.Equal(ActivityOutcome.Created, created.Outcome);
            var extras = await App.Sandbox.Control.PeopleExtrasAsync(website.WebsiteId, created.PeopleId!);
            Assert.True(extras["email_subscribed"]!.GetValue<bool>());
            Assert.Equal("Created by Rich Contact from a WhatsApp conversation", Assert.Single(extras["events"]!.AsArray())!["text"]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task In_crisps_iframe_phoneless_conversations_are_switched_on_and_the_next_one_gets_a_placeholder_contact()
    {
        var website = await App.InstallAsync("Redes Lda", "redes.example.pt");
        var page = await fixture.NewPageAsync(900, 1200);
        await BrowserFixture.RunAsync(page, nameof(In_crisps_iframe_phoneless_conversations_are_switched_on_and_the_next_one_gets_a_placeholder_contact), async () =>
        {
            var query = $"crisp/settings?website_id={website.WebsiteId}&token={website.Token}";
            await page.GotoAsync(fixture.Dashboard.PageFor(new Uri(App.BaseUrl, query)));
            var frame = page.FrameLocator("#crisp-plugin");
            await Expect(frame.Locator("[data-testid=settings-form][data-interactive]")).ToBeVisibleAsync();

            // Off by default; the help line says what the owner risks when Crisp gives no id for the person.
            await Expect(frame.GetByTestId("phoneless")).Not.ToBeCheckedAsync();
            await Expect(frame.GetByTestId("phoneless-help")).ToContainTextAsync("each conversation of the same person gets a contact of its own");

            await App.WaitForCrispAsync();
            using var waiter = new ActivityRecorder(App.Get<ActivityStream>());
            var before = await App.Sandbox.Control.StartConversationAsync(new StartConversationRequest
            { WebsiteId = website.WebsiteId, Origin = "instagram", Nickname = "Rita Sousa", Message = "Olá" });
            var skipped = await waiter.OutcomeAsync(before);
            Assert.Equal((ActivityOutcome.Skipped, ReasonCodes.NoIdentity), (skipped.Outcome, skipped.Reason));

            await frame.GetByTestId("phoneless").ClickAsync();
            await Expect(frame.GetByTestId("phoneless")).ToBeCheckedAsync();
            await frame.GetByTestId("save").ClickAsync();
            await Expect(frame.GetByTestId("save-status")).ToHaveTextAsync("Saved. The change applies at once.");
            Assert.True((await App.Get<WebsiteSettingsStore>().GetAsync(website.WebsiteId)).PhonelessContacts);

            var after = await App.Sandbox.Control.StartConversationAsync(new StartConversationRequest
            { WebsiteId = website.WebsiteId, Origin = "instagram", Nickname = "Rita Sousa", Message = "Olá outra vez" });
            var created = await waiter.OutcomeAsync(after);
            Assert.Equal((ActivityOutcome.Created, true), (created.Outcome, created.Placeholder));
            var profile = Assert.Single(await App.Sandbox.Control.ProfilesAsync(website.WebsiteId));
            Assert.EndsWith("@instagram.nomail", profile["email"]!.GetValue<string>());
            Assert.Equal("Rita Sousa", profile["person"]!["nickname"]!.GetValue<string>());

            // The page with the switch on, in French, keeps no accessibility violation.
            await page.GotoAsync(new Uri(App.BaseUrl, query + "&locale=fr").ToString());
            await Expect(page.Locator("[data-testid=settings-form][data-interactive]")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("phoneless")).ToBeCheckedAsync();
            await Expect(page.GetByTestId("phoneless-help")).ToContainTextAsync("chaque conversation d'une même personne reçoit son propre contact");
            await Axe.AssertNoViolationsAsync(page, "the settings page with phone-less conversations on");
        });
    }
}
