using System.Text.Json.Nodes;
using RichContact.Sandbox.Events;
using RichContact.Sandbox.State;

namespace RichContact.Sandbox.Conversations;

/// <summary>
/// Starts conversations the way a channel does on Crisp: the meta holds everything at once (REST can
/// always read it), while RTM and web hooks see <c>session:set_*</c> events and the first
/// <c>message:send</c> in the order and spacing asked for.
/// </summary>
internal sealed class ConversationStarter(SandboxState state, EventBus events, ILogger<ConversationStarter> logger)
{
    public StartedConversation? Start(StartConversationRequest request)
    {
        var website = state.Website(request.WebsiteId);
        if (website is null)
            return null;
        if (request.CreatedAt is { } past)
            return new StartedConversation(PastConversations.Record(state, request, past).SessionId);
        var origin = Origins.ToCrisp(request.Origin);
        var sessionId = "session_" + Guid.NewGuid();
        var conversation = new Conversation(website.Id, sessionId, Meta(request, origin)) { ChannelUserId = request.ChannelUserId };
        state.Add(conversation);

        var meta = MetaEvents(request, sessionId, origin);
        var message = (Action)(() => SendMessage(conversation, request.Message ?? "Hello", request.Nickname));
        var steps = (request.MetaOrder ?? MetaOrders.Before) switch
        {
            MetaOrders.After => [message, .. meta],
            MetaOrders.Interleaved => [.. meta.Take(1), message, .. meta.Skip(1)],
            _ => meta.Append(message).ToList(),
        };
        var spacing = Math.Max(0, request.MetaSpacingMs ?? 0);
        if (spacing == 0)
            steps.ForEach(step => step());
        else
            _ = PlaySpacedAsync(steps, spacing);
        return new StartedConversation(sessionId);
    }

    public SentMessage? SendMessage(string sessionId, string content)
    {
        var conversation = state.Session(sessionId);
        return conversation is null ? null : SendMessage(conversation, content, Json.String(conversation.Meta["nickname"]));
    }

    /// <summary>
    /// The visitor's details change after the conversation started (they type their email, say): the
    /// meta changes and RTM hears the <c>session:set_*</c> events, as on Crisp.
    /// </summary>
    public bool SetDetails(string sessionId, ConversationDetailsRequest request)
    {
        if (state.Session(sessionId) is not { } conversation)
            return false;
        var patch = new JsonObject();
        if (request.Nickname is not null) patch["nickname"] = request.Nickname;
        if (request.Phone is not null) patch["phone"] = request.Phone;
        if (request.Email is not null) patch["email"] = request.Email;
        conversation.MergeMeta(patch);
        var details = new StartConversationRequest { WebsiteId = conversation.WebsiteId, Nickname = request.Nickname, Phone = request.Phone, Email = request.Email };
        MetaEvents(details, sessionId, origin: null).ForEach(step => step());
        return true;
    }

    /// <summary>Deletes a conversation, as an operator would in Crisp's inbox.</summary>
    public bool Remove(string sessionId)
    {
        if (state.RemoveSession(sessionId) is not { } conversation)
            return false;
        events.Publish(conversation.WebsiteId, CrispEvents.SessionRemoved, new JsonObject { ["session_id"] = sessionId });
        return true;
    }

    private SentMessage SendMessage(Conversation conversation, string content, string? nickname)
    {
        var timestamp = UnixTime.NowMs();
        var fingerprint = Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999);
        var message = new JsonObject
        {
            ["session_id"] = conversation.SessionId,
            ["type"] = "text",
            ["from"] = "user",
            ["origin"] = conversation.Origin,
            ["content"] = content,
            ["fingerprint"] = fingerprint,
            ["timestamp"] = timestamp,
            ["user"] = User(state.Options, conversation, nickname),
        };
        conversation.AddMessage(message, timestamp);
        events.Publish(conversation.WebsiteId, CrispEvents.MessageSend, message);
        return new SentMessage(fingerprint, timestamp);
    }

    /// <summary>The message's <c>user</c>, as <see cref="SandboxOptions.PhonelessIdentity"/> reads what Crisp puts in it.</summary>
    internal static JsonObject User(SandboxOptions options, Conversation conversation, string? nickname)
    {
        var user = new JsonObject { ["nickname"] = nickname };
        var userId = options.PhonelessIdentity switch
        {
            PhonelessIdentityReadings.None => null,
            PhonelessIdentityReadings.StableUserId => conversation.ChannelUserId ?? conversation.SessionId,
            _ => conversation.SessionId,
        };
        if (userId is not null)
            user["user_id"] = userId;
        return user;
    }

    private List<Action> MetaEvents(StartConversationRequest request, string sessionId, string? origin)
    {
        var steps = new List<Action>();
        void Add(string name, string field, string? value)
        {
            if (value is not null)
                steps.Add(() => events.Publish(request.WebsiteId, name, new JsonObject
                {
                    ["session_id"] = sessionId,
                    [field] = value,
                }));
        }
        Add(CrispEvents.SetNickname, "nickname", request.Nickname);
        Add(CrispEvents.SetPhone, "phone", request.Phone);
        Add(CrispEvents.SetEmail, "email", request.Email);
        Add(CrispEvents.SetOrigin, "origin", origin);
        if (request.Country is not null || request.City is not null)
            steps.Add(() => events.Publish(request.WebsiteId, CrispEvents.SyncGeolocation, new JsonObject
            {
                ["session_id"] = sessionId,
                ["geolocation"] = Geolocation(request),
            }));
        return steps;
    }

    private static JsonObject Geolocation(StartConversationRequest request)
    {
        var geolocation = new JsonObject();
        if (request.Country is not null)
            geolocation["country"] = request.Country;
        if (request.City is not null)
            geolocation["city"] = request.City;
        return geolocation;
    }

    internal static JsonObject Meta(StartConversationRequest request, string origin)
    {
        var geolocation = Geolocation(request);
        var meta = new JsonObject
        {
            ["nickname"] = request.Nickname,
            ["email"] = request.Email,
            ["phone"] = request.Phone,
            ["origin"] = origin,
            ["segments"] = new JsonArray(),
            ["data"] = new JsonObject(),
            ["device"] = new JsonObject { ["geolocation"] = geolocation },
        };
        return meta;
    }

    private async Task PlaySpacedAsync(List<Action> steps, int spacingMs)
    {
        try
        {
            for (var i = 0; i < steps.Count; i++)
            {
                if (i > 0)
                    await Task.Delay(spacingMs);
                steps[i]();
            }
        }
        catch (Exception e)
        {
            logger.LogError(e, "Spaced conversation events failed");
        }
    }
}
