using System.Text.Json.Nodes;
using RichContact.Sandbox.State;
using RichContact.Sandbox.Traffic;

namespace RichContact.Sandbox.Conversations;

/// <summary>
/// Conversations that happened before anyone listened, as a workspace has them when it installs the
/// plugin: stored complete (meta, first message) and dated in the past, with no RTM event and no web
/// hook. The conversation list's date filters find them; only a REST reader ever sees them.
/// </summary>
internal static class PastConversations
{
    /// <summary>How many days back <see cref="SandboxOptions.PastConversations"/> spreads its conversations.</summary>
    public const int DefaultDays = 30;

    public static Conversation Record(SandboxState state, StartConversationRequest request, DateTimeOffset at)
    {
        var origin = Origins.ToCrisp(request.Origin);
        var createdAt = at.ToUnixTimeMilliseconds();
        var conversation = new Conversation(request.WebsiteId, "session_" + Guid.NewGuid(), ConversationStarter.Meta(request, origin), createdAt)
        {
            ChannelUserId = request.ChannelUserId,
        };
        conversation.AddMessage(new JsonObject
        {
            ["type"] = "text",
            ["from"] = "user",
            ["origin"] = origin,
            ["content"] = request.Message ?? "Hello",
            ["timestamp"] = createdAt,
            ["user"] = ConversationStarter.User(state.Options, conversation, request.Nickname),
        }, createdAt);
        state.Add(conversation);
        return conversation;
    }

    /// <summary>
    /// The traffic generator's mix (channels, chat and email, returning customers, the same person on a
    /// second channel), <paramref name="count"/> conversations dated evenly over the last
    /// <paramref name="days"/> days up to an hour ago — older than any catch-up the engine would make.
    /// </summary>
    public static void Prefill(SandboxState state, string websiteId, int count, int days, int seed, DateTimeOffset now)
    {
        if (count <= 0)
            return;
        var script = new TrafficScript(seed, [websiteId]) { MaxMetaSpacingMs = 0 };
        var first = now - TimeSpan.FromDays(days);
        var span = TimeSpan.FromDays(days) - TimeSpan.FromHours(1);
        for (var i = 0; i < count; i++)
            Record(state, script.Next(), first + span * ((i + 0.5) / count));
    }
}
