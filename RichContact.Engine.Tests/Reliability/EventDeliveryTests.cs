using System.Text.Json;
using RichContact.Engine.Activity;
using RichContact.Engine.Crisp.Events;
using RichContact.Engine.Tests.EndToEnd;
using RichContact.Sandbox;

namespace RichContact.Engine.Tests.Reliability;

/// <summary>RTM delivering the same event twice or out of order (deletion during the window: ContactCreationTests).</summary>
public class EventDeliveryTests : EngineEndToEndTest
{
    // Long enough to repeat the first message before the job runs.
    protected override double CollectionWindowSeconds => 2;

    [Fact]
    public async Task Same_first_message_delivered_twice_makes_one_contact_and_one_activity_entry()
    {
        var session = await StartConversationAsync("whatsapp", phone: "+351912345678");
        await WaitUntilTrackedAsync(session);

        // The socket hands the engine the very same payload again, during the window and after the outcome.
        Engine.Get<CrispEventQueue>().Post(FirstMessage(session));
        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(session)).Outcome);
        Engine.Get<CrispEventQueue>().Post(FirstMessage(session));
        var later = await StartConversationAsync("whatsapp", phone: "+351912345679");
        await Activity.OutcomeAsync(later); // events are handled in order: the repeat was handled before it

        Assert.Single(Activity.For(session));
        Assert.Equal(2, (await ProfilesAsync()).Count);
    }

    [Theory]
    [InlineData(MetaOrders.After)]
    [InlineData(MetaOrders.Interleaved)]
    public async Task Visitor_details_arriving_after_the_first_message_still_reach_the_contact(string order)
    {
        var session = await StartConversationAsync("instagram", phone: "+351912345678", nickname: "Ana", metaOrder: order, spacingMs: 50);

        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(session)).Outcome);
        var profile = Assert.Single(await ProfilesAsync());
        Assert.Equal(("Ana", "+351912345678"), (Nickname(profile), Phone(profile)));
    }

    [Fact]
    public async Task Removal_event_before_the_first_message_of_another_conversation_does_not_disturb_it()
    {
        // session:removed for a conversation the engine never saw, then a real conversation.
        Engine.Get<CrispEventQueue>().Post(new RawCrispEvent("session:removed",
            JsonSerializer.SerializeToElement(new { website_id = WebsiteId, session_id = "session_never_seen" })));
        var session = await StartConversationAsync("whatsapp", phone: "+351912345678");

        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(session)).Outcome);
        Assert.Empty(Activity.For("session_never_seen"));
    }

    private RawCrispEvent FirstMessage(string session) => new("message:send", JsonSerializer.SerializeToElement(new
    {
        website_id = WebsiteId, session_id = session, from = "user", type = "text", origin = "urn:crisp.im:whatsapp:0", content = "hello",
    }));
}
