using System.Text.Json.Nodes;
using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Sandbox;
using RichContact.Testing;

namespace RichContact.Engine.Tests.EndToEnd;

/// <summary>A real email given after a placeholder contact was made replaces the placeholder, and nothing else.</summary>
public class PlaceholderMendTests : EngineEndToEndTest
{
    private const string PeopleRoute = "/v1/website/{website_id}/people/profile/{people_id}";

    private async Task<(string Session, ActivityEntry Created)> PlaceholderContactAsync(string phone)
    {
        var session = await StartConversationAsync("whatsapp", phone: phone, nickname: "Ana Silva");
        var created = await Activity.OutcomeAsync(session);
        Assert.Equal(ActivityOutcome.Created, created.Outcome);
        return (session, created);
    }

    private Task GiveEmailAsync(string session, string email) =>
        Sandbox.Control.SetDetailsAsync(session, new ConversationDetailsRequest { Email = email });

    private async Task<ActivityEntry> MendAsync(string session)
    {
        await Eventually.TrueAsync(() => Activity.For(session).Any(e => e.Outcome == ActivityOutcome.Mend), "the mend entry");
        return Activity.For(session).Single(e => e.Outcome == ActivityOutcome.Mend);
    }

    private async Task<JsonObject> ContactAsync(string peopleId) =>
        (await ProfilesAsync()).Single(p => p["people_id"]!.GetValue<string>() == peopleId);

    [Fact]
    public async Task Real_email_given_later_replaces_the_placeholder_and_keeps_what_an_agent_edited()
    {
        var (session, created) = await PlaceholderContactAsync("+351 912 000 201");
        // An agent renames the contact and tags it before the customer gives an email.
        await Sandbox.Control.UpdateProfileAsync(WebsiteId, created.PeopleId!, new JsonObject
        {
            ["person"] = new JsonObject { ["nickname"] = "Ana S. (VIP)" },
            ["segments"] = new JsonArray("whatsapp", "vip"),
        });

        await GiveEmailAsync(session, "Ana.Silva@Example.com");

        var mend = await MendAsync(session);
        Assert.Null(mend.Reason);
        Assert.Equal(created.PeopleId, mend.PeopleId);
        var contact = await ContactAsync(created.PeopleId!);
        Assert.Equal("ana.silva@example.com", Email(contact));
        Assert.Equal("Ana S. (VIP)", Nickname(contact));
        Assert.Equal("+351912000201", Phone(contact));
        Assert.Equal(["whatsapp", "vip"], Segments(contact));
        Assert.Single(await ProfilesAsync());
    }

    [Fact]
    public async Task Email_another_contact_has_changes_nothing_and_says_email_taken()
    {
        await SeedProfileAsync("ana@example.com");
        var (session, created) = await PlaceholderContactAsync("+351 912 000 202");

        await GiveEmailAsync(session, "ana@example.com");

        Assert.Equal(ReasonCodes.EmailTaken, (await MendAsync(session)).Reason);
        Assert.Equal("351912000202@whatsapp.nomail", Email(await ContactAsync(created.PeopleId!)));
    }

    [Fact]
    public async Task Email_an_agent_already_set_is_left_alone()
    {
        var (session, created) = await PlaceholderContactAsync("+351 912 000 203");
        await Sandbox.Control.UpdateProfileAsync(WebsiteId, created.PeopleId!, new JsonObject { ["email"] = "agent.typed@example.com" });

        await GiveEmailAsync(session, "customer@example.com");

        Assert.Equal(ReasonCodes.EmailChanged, (await MendAsync(session)).Reason);
        Assert.Equal("agent.typed@example.com", Email(await ContactAsync(created.PeopleId!)));
    }

    [Fact]
    public async Task Placeholder_is_mended_after_a_restart_from_what_the_activity_log_holds()
    {
        var (session, created) = await PlaceholderContactAsync("+351 912 000 204");
        await StopEngineAsync();
        await StartEngineAsync();

        await GiveEmailAsync(session, "later@example.com");

        Assert.Null((await MendAsync(session)).Reason);
        Assert.Equal("later@example.com", Email(await ContactAsync(created.PeopleId!)));
    }

    [Fact]
    public async Task Without_a_phone_search_the_placeholder_stays_so_the_next_channel_still_finds_the_contact()
    {
        await Sandbox.Control.SetSearchAsync(new RichContact.Sandbox.Search.SearchReading { PhoneCriterion = RichContact.Sandbox.Search.PhoneCriteria.Refused });
        var (session, created) = await PlaceholderContactAsync("+351 912 000 210");

        await GiveEmailAsync(session, "ana@example.com");

        Assert.Equal(ReasonCodes.PhoneNotSearchable, (await MendAsync(session)).Reason);
        // Restarted, the engine no longer remembers the contact: only its placeholder can lead to it.
        await StopEngineAsync();
        await StartEngineAsync();
        var again = await Activity.OutcomeAsync(await StartConversationAsync("telegram", phone: "912 000 210", country: "PT"));
        Assert.Equal((ActivityOutcome.Existing, created.PeopleId), (again.Outcome, again.PeopleId));
        Assert.Single(await ProfilesAsync());
    }

    [Fact]
    public async Task Turned_off_the_placeholder_stays_and_no_crisp_call_is_made()
    {
        await SaveSettingsAsync(s => s with { MendPlaceholders = false });
        var (session, created) = await PlaceholderContactAsync("+351 912 000 205");
        await Sandbox.Control.ResetRequestsAsync();

        await GiveEmailAsync(session, "off@example.com");
        // Events are handled in order: once a later conversation has its outcome, the email was heard.
        await PlaceholderContactAsync("+351 912 000 206");

        Assert.DoesNotContain(Activity.For(session), e => e.Outcome == ActivityOutcome.Mend);
        Assert.Equal("351912000205@whatsapp.nomail", Email(await ContactAsync(created.PeopleId!)));
        var requests = await Sandbox.Control.RequestsAsync();
        Assert.Equal(0, requests.Count("PATCH", PeopleRoute) + requests.Count("GET", PeopleRoute));
    }

    [Fact]
    public async Task Conversations_whose_contact_had_a_real_email_or_that_get_no_email_cost_no_call()
    {
        await SaveSettingsAsync(s => s with { SkipIfEmailExists = false });
        var withEmail = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351 912 000 207", email: "real@example.com"));
        Assert.Equal(ActivityOutcome.Created, withEmail.Outcome);
        var withoutEmail = await PlaceholderContactAsync("+351 912 000 208");
        await Sandbox.Control.ResetRequestsAsync();

        await GiveEmailAsync(withEmail.SessionId, "other@example.com");
        await Sandbox.Control.SendMessageAsync(withoutEmail.Session, "Still there?");
        await PlaceholderContactAsync("+351 912 000 209");

        Assert.DoesNotContain(Activity.All, e => e.Outcome == ActivityOutcome.Mend);
        var requests = await Sandbox.Control.RequestsAsync();
        Assert.Equal(0, requests.Count("PATCH", PeopleRoute));
    }
}
