using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Sandbox;

namespace RichContact.Engine.Tests.EndToEnd;

/// <summary>New channel conversations against the sandbox: who gets a contact, and what it holds.</summary>
public class ContactCreationTests : EngineEndToEndTest
{
    [Fact]
    public async Task New_whatsapp_conversation_creates_one_contact_with_placeholder_email_name_phone_and_segments()
    {
        await SaveSettingsAsync(s => s with { Segments = ["lead", "whatsapp"] });

        var session = await StartConversationAsync("whatsapp", phone: "+55 (11) 98765-4321", nickname: "Ana Souza");
        var outcome = await Activity.OutcomeAsync(session);

        Assert.Equal((ActivityOutcome.Created, "whatsapp"), (outcome.Outcome, outcome.Channel));
        var profile = Assert.Single(await ProfilesAsync());
        Assert.Equal(outcome.PeopleId, profile["people_id"]!.GetValue<string>());
        Assert.Equal("5511987654321@whatsapp.nomail", Email(profile));
        Assert.Equal("+5511987654321", Phone(profile));
        Assert.Equal("Ana Souza", Nickname(profile));
        Assert.Equal(["whatsapp", "lead"], Segments(profile));
        // The window gathered the visitor's data: a search, a create, and the placeholder's unsubscribe from emails.
        Assert.Equal(3, outcome.RestCalls);
        Assert.NotNull(outcome.ElapsedMs);
    }

    [Fact]
    public async Task Phone_written_with_the_00_prefix_needs_no_meta_read_for_its_country()
    {
        var session = await StartConversationAsync("telegram", phone: "0055 11 98765 4321");
        var outcome = await Activity.OutcomeAsync(session);

        Assert.Equal(ActivityOutcome.Created, outcome.Outcome);
        Assert.Equal("+5511987654321", Phone(Assert.Single(await ProfilesAsync())));
        Assert.Equal(3, outcome.RestCalls); // search, create, unsubscribe: no meta read
    }

    [Fact]
    public async Task New_instagram_conversation_creates_one_contact_without_a_generic_name()
    {
        var session = await StartConversationAsync("instagram", phone: "+351 912 345 678", nickname: "Visitor 4821");

        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(session)).Outcome);
        var profile = Assert.Single(await ProfilesAsync());
        Assert.Equal("351912345678@instagram.nomail", Email(profile));
        Assert.Null(Nickname(profile));
        Assert.Equal(["instagram"], Segments(profile));
    }

    [Fact]
    public async Task New_aircall_like_conversation_with_a_national_number_uses_the_conversation_country()
    {
        await SaveSettingsAsync(s => s with { EnrichGeolocation = true });

        var session = await StartConversationAsync("urn:aircall.io:aircall:1", phone: "06 12 34 56 78", nickname: "06 12 34 56 78",
            country: "FR", city: "Lyon");

        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(session)).Outcome);
        var profile = Assert.Single(await ProfilesAsync());
        Assert.Equal("33612345678@aircall.nomail", Email(profile));
        Assert.Equal("+33612345678", Phone(profile));
        Assert.Null(Nickname(profile));
        Assert.Equal("FR", profile["person"]!["geolocation"]!["country"]!.GetValue<string>());
        Assert.Equal("Lyon", profile["person"]!["geolocation"]!["city"]!.GetValue<string>());
    }

    [Fact]
    public async Task Chat_and_email_conversations_create_no_contact()
    {
        var chat = await StartConversationAsync("chat", phone: "+351912345601", email: "chat@example.com");
        var email = await StartConversationAsync("email", phone: "+351912345602", email: "mail@example.com");
        // Events are handled in order: once a later channel conversation has its outcome, the two above were seen.
        var barrier = await StartConversationAsync("whatsapp", phone: "+351912345603");
        await Activity.OutcomeAsync(barrier);

        Assert.Empty(Activity.For(chat));
        Assert.Empty(Activity.For(email));
        Assert.Equal(["351912345603@whatsapp.nomail"], (await ProfilesAsync()).Select(Email));
    }

    [Fact]
    public async Task Repeated_messages_of_a_conversation_create_one_contact()
    {
        var session = await StartConversationAsync("whatsapp", phone: "+351912345678");
        await Sandbox.Control.SendMessageAsync(session, "are you there?");
        await Sandbox.Control.SendMessageAsync(session, "hello??");

        await Activity.OutcomeAsync(session);
        var barrier = await StartConversationAsync("telegram", phone: "+351912345699");
        await Activity.OutcomeAsync(barrier);

        Assert.Single(Activity.For(session));
        Assert.Equal(2, (await ProfilesAsync()).Count);
    }

    [Theory]
    [InlineData(MetaOrders.Before)]
    [InlineData(MetaOrders.Interleaved)]
    [InlineData(MetaOrders.After)]
    public async Task Visitor_details_arriving_before_during_or_after_the_first_message_make_the_contact(string order)
    {
        var session = await StartConversationAsync("whatsapp", phone: "+351912345678", nickname: "Rui Costa", metaOrder: order, spacingMs: 150);

        var outcome = await Activity.OutcomeAsync(session);

        Assert.Equal(ActivityOutcome.Created, outcome.Outcome);
        var profile = Assert.Single(await ProfilesAsync());
        Assert.Equal(("+351912345678", "Rui Costa"), (Phone(profile), Nickname(profile)));
    }

    [Fact]
    public async Task Conversation_without_phone_or_email_is_skipped_as_no_identity()
    {
        var session = await StartConversationAsync("instagram", nickname: "Someone");

        var outcome = await Activity.OutcomeAsync(session);

        Assert.Equal((ActivityOutcome.Skipped, ReasonCodes.NoIdentity), (outcome.Outcome, outcome.Reason));
        Assert.Empty(await ProfilesAsync());
    }

    [Fact]
    public async Task Conversation_with_a_real_email_is_left_to_crisp_when_skip_if_email_is_on()
    {
        var session = await StartConversationAsync("whatsapp", phone: "+351912345678", email: "ana@example.com");

        var outcome = await Activity.OutcomeAsync(session);

        Assert.Equal((ActivityOutcome.Skipped, ReasonCodes.EmailExists), (outcome.Outcome, outcome.Reason));
        Assert.Empty(await ProfilesAsync());
    }

    [Fact]
    public async Task Conversation_with_a_real_email_gets_a_contact_with_that_email_when_skip_if_email_is_off()
    {
        await SaveSettingsAsync(s => s with { SkipIfEmailExists = false });

        var session = await StartConversationAsync("whatsapp", phone: "+351912345678", email: "Ana@Example.com");

        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(session)).Outcome);
        Assert.Equal("ana@example.com", Email(Assert.Single(await ProfilesAsync())));
    }

    [Fact]
    public async Task Disabled_website_creates_no_contact()
    {
        await SaveSettingsAsync(s => s with { Enabled = false });

        var session = await StartConversationAsync("whatsapp", phone: "+351912345678");

        var outcome = await Activity.OutcomeAsync(session);
        Assert.Equal((ActivityOutcome.Skipped, ReasonCodes.Disabled), (outcome.Outcome, outcome.Reason));
        Assert.Empty(await ProfilesAsync());
    }

    [Fact]
    public async Task Unmonitored_channel_creates_no_contact()
    {
        await SaveSettingsAsync(s => s with { AllChannels = false, Channels = ["whatsapp"] });

        var session = await StartConversationAsync("instagram", phone: "+351912345678");

        var outcome = await Activity.OutcomeAsync(session);
        Assert.Equal((ActivityOutcome.Skipped, ReasonCodes.ChannelNotMonitored), (outcome.Outcome, outcome.Reason));
        Assert.Empty(await ProfilesAsync());
    }

    [Fact]
    public async Task Website_disabled_during_the_window_creates_no_contact()
    {
        var session = await StartConversationAsync("whatsapp", phone: "+351912345678", metaOrder: MetaOrders.After);
        await WaitUntilTrackedAsync(session);
        // The first message was seen and its job waits for the window: turn the plugin off now.
        await SaveSettingsAsync(s => s with { Enabled = false });

        var outcome = await Activity.OutcomeAsync(session);

        Assert.Equal((ActivityOutcome.Skipped, ReasonCodes.Disabled), (outcome.Outcome, outcome.Reason));
        Assert.Empty(await ProfilesAsync());
    }

    [Fact]
    public async Task Conversation_deleted_during_the_window_creates_no_contact()
    {
        var session = await StartConversationAsync("whatsapp", phone: "+351912345678");
        await WaitUntilTrackedAsync(session);

        await Sandbox.Control.RemoveConversationAsync(session);

        var outcome = await Activity.OutcomeAsync(session);
        Assert.Equal((ActivityOutcome.Skipped, ReasonCodes.ConversationRemoved), (outcome.Outcome, outcome.Reason));
        Assert.Empty(await ProfilesAsync());
    }

    [Fact]
    public async Task Channel_removed_from_the_list_during_the_window_creates_no_contact()
    {
        var session = await StartConversationAsync("whatsapp", phone: "+351912345678", metaOrder: MetaOrders.After);
        await WaitUntilTrackedAsync(session);
        await SaveSettingsAsync(s => s with { AllChannels = false, Channels = ["instagram"] });

        var outcome = await Activity.OutcomeAsync(session);

        Assert.Equal((ActivityOutcome.Skipped, ReasonCodes.ChannelNotMonitored), (outcome.Outcome, outcome.Reason));
        Assert.Empty(await ProfilesAsync());
    }
}
