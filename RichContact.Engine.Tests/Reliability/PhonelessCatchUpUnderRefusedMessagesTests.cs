using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Engine.Tests.EndToEnd;
using RichContact.Sandbox;

namespace RichContact.Engine.Tests.Reliability;

/// <summary>
/// A phone-less conversation the engine did not hear, caught up at start, while Crisp refuses the
/// plugin token the conversation's messages (sandbox <c>ConversationMessages: refused</c>, 403): the
/// person's id on the channel cannot be read, and the contact is made on the conversation's placeholder.
/// </summary>
public sealed class PhonelessCatchUpUnderRefusedMessagesTests : EngineEndToEndTest
{
    private const string MessagesRoute = "/v1/website/{website_id}/conversation/{session_id}/messages";
    private const string InstagramUser = "17841400123456789";

    // The messages carry a stable id, so a contact named after the session proves the refusal was met.
    protected override SandboxOptions? SandboxSettings => new()
    {
        PhonelessIdentity = PhonelessIdentityReadings.StableUserId,
        ConversationMessages = ConversationMessagesReadings.Refused,
    };

    [Fact]
    public async Task Caught_up_phoneless_conversation_whose_messages_crisp_refuses_gets_one_contact_on_its_session_placeholder()
    {
        await SaveSettingsAsync(s => s with { PhonelessContacts = true });
        await StopEngineAsync();
        var missed = await StartConversationAsync("instagram", nickname: "Ana Lima", channelUserId: InstagramUser);
        await Sandbox.Control.ResetRequestsAsync();
        await StartEngineAsync();

        var outcome = await Activity.OutcomeAsync(missed);

        Assert.Equal((ActivityOutcome.Created, true, null), (outcome.Outcome, outcome.Placeholder, outcome.Reason));
        var profile = Assert.Single(await ProfilesAsync());
        Assert.Equal(($"session-{missed["session_".Length..]}@instagram.nomail", "Ana Lima"), (Email(profile), Nickname(profile)));
        Assert.Equal(1, (await Sandbox.Control.RequestsAsync()).Count("GET", MessagesRoute));
        Assert.Contains(Logs.Lines, l => l.Contains($"Crisp refused the messages of conversation {missed}") && l.Contains("crisp_403_restricted_route_tier"));

        // As Hangfire would on a retry, or a later catch-up replaying the conversation.
        await Engine.Get<CreateContactJob>().RunAsync(WebsiteId, missed, null, CancellationToken.None);

        Assert.Single(Activity.For(missed));
        Assert.Single(await ProfilesAsync());
    }
}
