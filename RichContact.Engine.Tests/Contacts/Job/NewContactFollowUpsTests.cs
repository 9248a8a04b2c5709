using System.Text.Json.Nodes;
using RichContact.Engine.Activity;
using RichContact.Engine.Tests.EndToEnd;
using RichContact.Sandbox;

namespace RichContact.Engine.Tests.Contacts.Job;

/// <summary>
/// A placeholder contact unsubscribed from email campaigns, and the optional line on a new contact's
/// timeline, under each reading of what Crisp answers a plugin token on the subscription route.
/// </summary>
public abstract class NewContactFollowUpsTests : EngineEndToEndTest
{
    internal const string SubscriptionRoute = "/v1/website/{website_id}/people/subscription/{people_id}";
    internal const string EventRoute = "/v1/website/{website_id}/people/events/{people_id}";

    /// <summary>The sandbox's reading of the subscription route (<see cref="PeopleSubscriptionReadings"/>).</summary>
    protected abstract string Reading { get; }
    private bool Refused => Reading == PeopleSubscriptionReadings.Refused;

    protected override SandboxOptions? SandboxSettings => new() { PeopleSubscription = Reading };

    private Task<JsonObject> ExtrasAsync(string peopleId) => Sandbox.Control.PeopleExtrasAsync(WebsiteId, peopleId);

    [Fact]
    public async Task Placeholder_contact_is_unsubscribed_from_emails_and_a_refusal_costs_one_call_never_the_contact()
    {
        await Sandbox.Control.ResetRequestsAsync();

        var first = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351 912 000 501", nickname: "Ana"));
        var second = await Activity.OutcomeAsync(await StartConversationAsync("telegram", phone: "+351 912 000 502", nickname: "Bea"));

        Assert.Equal((ActivityOutcome.Created, ActivityOutcome.Created), (first.Outcome, second.Outcome));
        Assert.Equal(2, (await ProfilesAsync()).Count);
        var requests = await Sandbox.Control.RequestsAsync();
        // Answered: both unsubscribed (search, create, unsubscribe). Refused: asked once that day on the website.
        Assert.Equal(Refused ? 1 : 2, requests.Count("PATCH", SubscriptionRoute));
        Assert.Equal((3, Refused ? 2 : 3), (first.RestCalls, second.RestCalls));
        Assert.Equal(!Refused, !(await ExtrasAsync(first.PeopleId!))["email_subscribed"]!.GetValue<bool>());
        Assert.Equal(!Refused, !(await ExtrasAsync(second.PeopleId!))["email_subscribed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Contact_with_a_real_email_is_never_unsubscribed()
    {
        await SaveSettingsAsync(s => s with { SkipIfEmailExists = false });
        await Sandbox.Control.ResetRequestsAsync();

        var outcome = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351 912 000 503", email: "real@example.com"));

        Assert.Equal(ActivityOutcome.Created, outcome.Outcome);
        Assert.False(outcome.Placeholder);
        Assert.Equal(0, (await Sandbox.Control.RequestsAsync()).Count("PATCH", SubscriptionRoute));
        Assert.True((await ExtrasAsync(outcome.PeopleId!))["email_subscribed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Turned_off_no_contact_is_unsubscribed()
    {
        await SaveSettingsAsync(s => s with { UnsubscribePlaceholders = false });
        await Sandbox.Control.ResetRequestsAsync();

        var outcome = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351 912 000 504", nickname: "Caio"));

        Assert.Equal((ActivityOutcome.Created, 2), (outcome.Outcome, outcome.RestCalls));
        Assert.Equal(0, (await Sandbox.Control.RequestsAsync()).Count("PATCH", SubscriptionRoute));
    }

    [Fact]
    public async Task Timeline_event_is_off_by_default_and_when_on_names_the_channel_on_the_new_contact()
    {
        await Sandbox.Control.ResetRequestsAsync();
        var withoutEvent = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351 912 000 505", nickname: "Dina"));
        Assert.Equal(0, (await Sandbox.Control.RequestsAsync()).Count("POST", EventRoute));
        Assert.Empty((await ExtrasAsync(withoutEvent.PeopleId!))["events"]!.AsArray());

        await SaveSettingsAsync(s => s with { TimelineEvent = true });
        var withEvent = await Activity.OutcomeAsync(await StartConversationAsync("instagram", phone: "+351 912 000 506", nickname: "Eva"));

        var line = Assert.Single((await ExtrasAsync(withEvent.PeopleId!))["events"]!.AsArray());
        Assert.Equal("Created by Rich Contact from an Instagram conversation", line!["text"]!.GetValue<string>());
        Assert.Equal(1, (await Sandbox.Control.RequestsAsync()).Count("POST", EventRoute));
    }

    [Fact]
    public async Task Existing_contact_gets_neither_call()
    {
        await SeedProfileAsync("351912000507@whatsapp.nomail", phone: "+351 912 000 507");
        await SaveSettingsAsync(s => s with { TimelineEvent = true });
        await Sandbox.Control.ResetRequestsAsync();

        var outcome = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351 912 000 507"));

        Assert.Equal(ActivityOutcome.Existing, outcome.Outcome);
        var requests = await Sandbox.Control.RequestsAsync();
        Assert.Equal(0, requests.Count("PATCH", SubscriptionRoute) + requests.Count("POST", EventRoute));
    }
}
