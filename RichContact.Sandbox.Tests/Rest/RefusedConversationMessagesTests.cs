namespace RichContact.Sandbox.Tests.Rest;

/// <summary>
/// A sandbox playing a Crisp whose plugin token may not read a conversation's messages
/// (<see cref="SandboxOptions.ConversationMessages"/>), under each refusing reading.
/// </summary>
public abstract class RefusedConversationMessagesTests : SandboxTestBase
{
    protected abstract string Reading { get; }
    protected abstract int Status { get; }
    protected abstract string Reason { get; }

    protected override SandboxOptions CreateOptions() => new() { ConversationMessages = Reading, PhonelessIdentity = PhonelessIdentityReadings.StableUserId };

    [Fact]
    public async Task The_messages_route_refuses_the_plugin_token_with_a_crisp_error_while_the_conversation_and_its_meta_are_answered()
    {
        var session = await Sandbox.Control.StartConversationAsync(new StartConversationRequest
        {
            WebsiteId = WebsiteId, Origin = "instagram", Nickname = "Ana Lima", ChannelUserId = "17841400123456789",
        });

        var refused = await GetAsync($"website/{WebsiteId}/conversation/{session}/messages");

        AssertCrispError(refused, Status, Reason);
        Assert.Empty(refused.Envelope["data"]!.AsObject());
        Assert.DoesNotContain("17841400123456789", refused.Envelope.ToJsonString());
        AssertCrispError(await GetAsync($"website/{WebsiteId}/conversation/session_nobody/messages"), Status, Reason);
        Assert.Equal(200, (await GetAsync($"website/{WebsiteId}/conversation/{session}")).Status);
        Assert.Equal(200, (await GetAsync($"website/{WebsiteId}/conversation/{session}/meta")).Status);
    }
}
