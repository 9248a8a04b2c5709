using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Sandbox;

namespace RichContact.Engine.Tests.EndToEnd;

/// <summary>
/// A website in preview only (dry run): every step but the create, and the feed says what would
/// have been created.
/// </summary>
public class PreviewOnlyTests : EngineEndToEndTest
{
    internal const string CreateRoute = "/v1/website/{website_id}/people/profile";
    internal const string SearchRoute = "/v1/website/{website_id}/people/profiles/{page}";
    private const string ProfileRoute = "/v1/website/{website_id}/people/profile/{people_id}";

    private Task PreviewAsync(bool on = true) => SaveSettingsAsync(s => s with { PreviewOnly = on });

    [Fact]
    public async Task New_conversation_on_a_preview_website_is_would_create_and_costs_the_search_only()
    {
        await PreviewAsync();
        await Sandbox.Control.ResetRequestsAsync();

        var session = await StartConversationAsync("whatsapp", phone: "+351 912 000 301", nickname: "Ana Preview");
        var outcome = await Activity.OutcomeAsync(session);

        Assert.Equal((ActivityOutcome.WouldCreate, "whatsapp", null), (outcome.Outcome, outcome.Channel, outcome.Reason));
        Assert.Null(outcome.PeopleId);
        Assert.False(outcome.Placeholder);
        Assert.Equal(1, outcome.RestCalls);
        Assert.Empty(await ProfilesAsync());
        var requests = await Sandbox.Control.RequestsAsync();
        Assert.Equal(0, requests.Count("POST", CreateRoute));
        Assert.Equal(1, requests.Count("GET", SearchRoute));
        Assert.Equal(1, await ReliabilityEntriesAsync(session));
    }

    [Fact]
    public async Task Existing_contact_is_still_found_and_linked_in_preview()
    {
        await SeedProfileAsync("maria@example.com", phone: "+351 912 000 302", nickname: "Maria");
        await PreviewAsync();

        var outcome = await Activity.OutcomeAsync(await StartConversationAsync("telegram", phone: "912 000 302", country: "PT"));

        Assert.Equal(ActivityOutcome.Existing, outcome.Outcome);
        var seeded = Assert.Single(await ProfilesAsync());
        Assert.Equal(seeded["people_id"]!.GetValue<string>(), outcome.PeopleId);
    }

    [Fact]
    public async Task Skip_rules_still_apply_in_preview()
    {
        await SaveSettingsAsync(s => s with { PreviewOnly = true, AllChannels = false, Channels = ["whatsapp"] });

        var notMonitored = await Activity.OutcomeAsync(await StartConversationAsync("telegram", phone: "+351 912 000 303"));
        var withEmail = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351 912 000 304", email: "real@example.com"));
        var noIdentity = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", nickname: "No Phone"));

        Assert.Equal((ActivityOutcome.Skipped, ReasonCodes.ChannelNotMonitored), (notMonitored.Outcome, notMonitored.Reason));
        Assert.Equal((ActivityOutcome.Skipped, ReasonCodes.EmailExists), (withEmail.Outcome, withEmail.Reason));
        Assert.Equal((ActivityOutcome.Skipped, ReasonCodes.NoIdentity), (noIdentity.Outcome, noIdentity.Reason));
        Assert.Empty(await ProfilesAsync());
    }

    [Fact]
    public async Task Disabled_website_in_preview_is_skipped_as_disabled()
    {
        await SaveSettingsAsync(s => s with { PreviewOnly = true, Enabled = false });

        var outcome = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351 912 000 305"));

        Assert.Equal((ActivityOutcome.Skipped, ReasonCodes.Disabled), (outcome.Outcome, outcome.Reason));
    }

    [Fact]
    public async Task Turning_preview_off_gives_the_next_conversation_a_real_contact_and_leaves_the_previewed_one_previewed()
    {
        await PreviewAsync();
        var previewed = await StartConversationAsync("whatsapp", phone: "+351 912 000 306", nickname: "Rui");
        Assert.Equal(ActivityOutcome.WouldCreate, (await Activity.OutcomeAsync(previewed)).Outcome);

        await PreviewAsync(on: false);
        // The same person on a second channel: the preview remembered no contact for them, so this
        // one is the first real contact, not "existing".
        var next = await Activity.OutcomeAsync(await StartConversationAsync("telegram", phone: "+351912000306", nickname: "Rui"));
        // The previewed conversation's job run again (a Hangfire retry, a catch-up replay) and its
        // customer writing again change nothing.
        await Engine.Get<CreateContactJob>().RunAsync(WebsiteId, previewed, null, CancellationToken.None);
        await Sandbox.Control.SendMessageAsync(previewed, "Hello again");
        var later = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351 912 000 307"));

        Assert.Equal(ActivityOutcome.Created, next.Outcome);
        Assert.Equal(ActivityOutcome.Created, later.Outcome);
        var profile = Assert.Single(await ProfilesAsync(), p => p["people_id"]!.GetValue<string>() == next.PeopleId);
        Assert.Equal("351912000306@telegram.nomail", Email(profile));
        Assert.Equal(2, (await ProfilesAsync()).Count);
        Assert.Equal(ActivityOutcome.WouldCreate, Assert.Single(Activity.For(previewed)).Outcome);
        Assert.Equal(1, await ReliabilityEntriesAsync(previewed));
    }

    [Fact]
    public async Task Email_reaching_a_previewed_conversation_mends_nothing_and_costs_no_call()
    {
        await PreviewAsync();
        var session = await StartConversationAsync("whatsapp", phone: "+351 912 000 308", nickname: "Ines");
        Assert.Equal(ActivityOutcome.WouldCreate, (await Activity.OutcomeAsync(session)).Outcome);
        await Sandbox.Control.ResetRequestsAsync();

        await Sandbox.Control.SetDetailsAsync(session, new ConversationDetailsRequest { Email = "ines@example.com" });
        // Events are handled in order: once a later conversation has its outcome, the email was heard.
        await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351 912 000 309"));

        Assert.DoesNotContain(Activity.For(session), e => e.Outcome == ActivityOutcome.Mend);
        var requests = await Sandbox.Control.RequestsAsync();
        Assert.Equal(0, requests.Count("PATCH", ProfileRoute) + requests.Count("GET", ProfileRoute));
        Assert.Empty(await ProfilesAsync());
    }

    [Fact]
    public async Task A_person_previewed_twice_is_would_create_twice_since_nothing_was_made_for_the_first()
    {
        await PreviewAsync();

        var first = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351 912 000 310"));
        var second = await Activity.OutcomeAsync(await StartConversationAsync("telegram", phone: "+351 912 000 310"));

        Assert.Equal([ActivityOutcome.WouldCreate, ActivityOutcome.WouldCreate], [first.Outcome, second.Outcome]);
        // No read by id of a remembered contact: the search alone, each time.
        Assert.Equal([1, 1], [first.RestCalls, second.RestCalls]);
    }

    private Task<long> ReliabilityEntriesAsync(string session) =>
        Reliability.OneOutcomePerConversationTests.EntriesInDatabaseAsync(Data.Path, session);
}
