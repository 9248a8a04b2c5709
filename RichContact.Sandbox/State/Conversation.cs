using System.Text.Json.Nodes;

namespace RichContact.Sandbox.State;

/// <summary>
/// A conversation (session). Its meta holds everything the visitor gave, from the start, so REST shows what RTM may have missed.
/// <paramref name="createdAt"/> (Unix ms) dates a conversation that happened in the past; now by default.
/// </summary>
internal sealed class Conversation(string websiteId, string sessionId, JsonObject meta, long? createdAt = null)
{
    private readonly Lock _lock = new();
    private readonly JsonObject _meta = meta;
    private long _updatedAt = createdAt ?? UnixTime.NowMs();
    private JsonObject? _lastMessage;
    private readonly List<JsonObject> _messages = [];
    private long? _firstMessageTimestamp;

    public string WebsiteId { get; } = websiteId;
    public string SessionId { get; } = sessionId;
    public long CreatedAt { get; } = createdAt ?? UnixTime.NowMs();
    public long UpdatedAt { get { lock (_lock) return _updatedAt; } }

    /// <summary>The visitor's id on the channel, when the request gave one (<see cref="StartConversationRequest.ChannelUserId"/>).</summary>
    public string? ChannelUserId { get; init; }

    public JsonObject Meta
    {
        get { lock (_lock) return (JsonObject)_meta.DeepClone(); }
    }

    public string Origin
    {
        get { lock (_lock) return Json.String(_meta["origin"]) ?? "chat"; }
    }

    public JsonObject MergeMeta(JsonObject patch)
    {
        lock (_lock)
        {
            Json.Merge(_meta, patch);
            _updatedAt = UnixTime.NowMs();
            return (JsonObject)_meta.DeepClone();
        }
    }

    public void AddMessage(JsonObject message, long timestamp)
    {
        lock (_lock)
        {
            _firstMessageTimestamp ??= timestamp;
            _lastMessage = (JsonObject)message.DeepClone();
            _messages.Add(_lastMessage);
            _updatedAt = timestamp;
        }
    }

    /// <summary>The latest <paramref name="count"/> messages, oldest first: the shape of <c>GET /website/{w}/conversation/{s}/messages</c>.</summary>
    public JsonArray Messages(int count)
    {
        lock (_lock)
            return new JsonArray(_messages.TakeLast(count).Select(m => (JsonNode)m.DeepClone()).ToArray());
    }

    /// <summary>The shape of <c>GET /website/{w}/conversation/{s}</c>.</summary>
    public JsonObject ToJson()
    {
        lock (_lock)
        {
            return new JsonObject
            {
                ["session_id"] = SessionId,
                ["website_id"] = WebsiteId,
                ["inbox_id"] = null,
                ["state"] = "pending",
                ["status"] = 0,
                ["is_verified"] = false,
                ["is_blocked"] = false,
                ["availability"] = "offline",
                ["last_message"] = Json.String(_lastMessage?["content"]) ?? "",
                ["created_at"] = CreatedAt,
                ["updated_at"] = _updatedAt,
                ["first_message_at"] = _firstMessageTimestamp,
                ["meta"] = _meta.DeepClone(),
            };
        }
    }
}
