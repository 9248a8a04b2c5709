using System.Text.Json;
using RichContact.Sandbox.Events;

namespace RichContact.Sandbox.Tests;

/// <summary>
/// What the <c>user.user_id</c> of a visitor's messages holds under each reading of
/// <see cref="SandboxOptions.PhonelessIdentity"/>; the meta never carries the channel user id.
/// </summary>
public abstract class PhonelessIdentityTests : SandboxTestBase
{
    private const string InstagramUser = "17841400123456789";

    protected abstract string Reading { get; }

    /// <summary>The user id expected on a message of <paramref name="sessionId"/>, null for none.</summary>
    protected abstract string? ExpectedUserId(string sessionId);

    protected override SandboxOptions CreateOptions() => new() { PhonelessIdentity = Reading };

    [Fact]
    public async Task Visitor_messages_carry_the_user_id_of_the_reading_on_first_and_later_messages()
    {
        await using var client = await RtmTestClient.ConnectAsync(Sandbox, 4, CrispEvents.MessageSend);
        var sessionId = await Sandbox.Control.StartConversationAsync(new StartConversationRequest
        {
            WebsiteId = WebsiteId, Origin = "instagram", Nickname = "Ana Lima", ChannelUserId = InstagramUser,
        });

        var first = await client.NextAsync(CrispEvents.MessageSend);
        await Sandbox.Control.SendMessageAsync(sessionId, "Still there?");
        var later = await client.NextAsync(CrispEvents.MessageSend);

        Assert.Equal(ExpectedUserId(sessionId), UserId(first));
        Assert.Equal(ExpectedUserId(sessionId), UserId(later));
        Assert.Equal("Ana Lima", first.GetProperty("user").GetProperty("nickname").GetString());
        var meta = await GetAsync($"website/{WebsiteId}/conversation/{sessionId}/meta");
        Assert.DoesNotContain(InstagramUser, meta.Envelope.ToJsonString());
    }

    private static string? UserId(JsonElement message) =>
        message.GetProperty("user").TryGetProperty("user_id", out var id) ? id.GetString() : null;

    [Fact]
    public async Task The_conversations_messages_over_rest_carry_the_same_user_id_for_live_and_past_conversations()
    {
        var live = await Sandbox.Control.StartConversationAsync(new StartConversationRequest
        {
            WebsiteId = WebsiteId, Origin = "instagram", Nickname = "Ana Lima", ChannelUserId = InstagramUser,
        });
        var past = await Sandbox.Control.StartConversationAsync(new StartConversationRequest
        {
            WebsiteId = WebsiteId, Origin = "instagram", Nickname = "Ana Lima", ChannelUserId = InstagramUser, CreatedAt = DateTimeOffset.UtcNow.AddDays(-2),
        });

        foreach (var session in new[] { live, past })
        {
            var (status, envelope) = await GetAsync($"website/{WebsiteId}/conversation/{session}/messages");
            Assert.Equal(200, status);
            var message = Assert.Single(envelope["data"]!.AsArray())!;
            Assert.Equal("user", message["from"]!.GetValue<string>());
            Assert.Equal(ExpectedUserId(session), message["user"]!["user_id"]?.GetValue<string>());
        }
        AssertCrispError(await GetAsync($"website/{WebsiteId}/conversation/session_nobody/messages"), 404, "session_not_found");
    }
}
