namespace RichContact.Sandbox;

/// <summary>A conversation as a real channel would start it (<c>POST /_sandbox/conversations</c>).</summary>
public sealed class StartConversationRequest
{
    public string WebsiteId { get; set; } = "";
    /// <summary><c>chat</c>, <c>email</c>, a full <c>urn:</c> origin, or a channel name such as <c>whatsapp</c>.</summary>
    public string Origin { get; set; } = "whatsapp";
    public string? Phone { get; set; }
    public string? Nickname { get; set; }
    public string? Email { get; set; }
    public string? Country { get; set; }
    public string? City { get; set; }
    public string? Message { get; set; }
    /// <summary><see cref="MetaOrders"/>: when the <c>session:set_*</c> events go out relative to the first message.</summary>
    public string? MetaOrder { get; set; }
    public int? MetaSpacingMs { get; set; }
    /// <summary>
    /// When the conversation happened, if in the past: it is stored as Crisp would hold it now (created
    /// and first message then, its meta complete) and nothing is sent over RTM or web hooks — nobody was
    /// listening then. Absent: it starts now, events and all.
    /// </summary>
    public DateTimeOffset? CreatedAt { get; set; }
}

public static class MetaOrders
{
    public const string Before = "before";
    public const string After = "after";
    public const string Interleaved = "interleaved";
}

public sealed record StartedConversation(string SessionId);

/// <summary>Details a visitor gives after the conversation started (<c>PATCH /_sandbox/conversations/{session_id}</c>); absent fields stay.</summary>
public sealed class ConversationDetailsRequest
{
    public string? Nickname { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
}

public sealed record SentMessage(long Fingerprint, long Timestamp);

public sealed class SendMessageRequest
{
    public string Content { get; set; } = "";
}

public sealed class SubscribeWebsiteRequest
{
    public string? WebsiteId { get; set; }
    public string? Token { get; set; }
    public string? Name { get; set; }
    public string? Domain { get; set; }
}

/// <summary>How <c>GET website/{website_id}</c> answers (<c>PUT /_sandbox/website-route</c>): one of <see cref="WebsiteRouteReadings"/>.</summary>
public sealed record WebsiteRouteReading(string WebsiteRoute);

public sealed record SubscribedWebsite(string WebsiteId, string Token);

/// <summary>Adds hand-made contacts to a website's CRM (<c>POST /_sandbox/websites/{website_id}/profiles/prefill</c>).</summary>
public sealed class PrefillRequest
{
    public int Count { get; set; }
    /// <summary>The same seed gives the same contacts; by default the website's install order.</summary>
    public int? Seed { get; set; }
}

/// <summary>
/// Adds conversations that happened before now (<c>POST /_sandbox/websites/{website_id}/conversations/prefill</c>):
/// the traffic generator's mix, dated evenly over the last <see cref="Days"/> days, heard by nobody.
/// </summary>
public sealed class PastConversationsRequest
{
    public int Count { get; set; }
    public int Days { get; set; } = 30;
    /// <summary>The same seed gives the same conversations; by default the website's install order.</summary>
    public int? Seed { get; set; }
}

/// <summary>Failures to inject (<c>POST /_sandbox/faults</c>). Absent fields leave that fault as it is.</summary>
public sealed class SandboxFaults
{
    /// <summary>Cut every open RTM socket now, without a Socket.IO goodbye, so clients reconnect.</summary>
    public bool DropSockets { get; set; }
    /// <summary>Refuse new RTM connections (HTTP 503 on the WebSocket handshake) for this long.</summary>
    public double? RefuseRtmSeconds { get; set; }
    /// <summary>
    /// Move the RTM endpoint, as when Crisp sends the plugin to another relay: <c>plugin/connect/endpoints</c>
    /// advertises a new address (the other loopback port, the next <c>/p/N/</c> path), every socket is
    /// dropped and the old address answers 404. Not undone by clearing the faults.
    /// </summary>
    public bool MoveRtm { get; set; }
    /// <summary>
    /// Answer the next this many RTM <c>authentication</c>s with <c>unauthorized</c> even when the keys are
    /// right, as a spurious refusal on Crisp's side would.
    /// </summary>
    public int? RefuseAuthentications { get; set; }
    /// <summary>Answer the next <see cref="RestCount"/> REST calls with this status (429, 420, 500, 503...).</summary>
    public int? RestStatus { get; set; }
    public int? RestCount { get; set; }
    public int? RetryAfterSeconds { get; set; }
    /// <summary>Added before every REST answer; 0 removes it.</summary>
    public int? LatencyMs { get; set; }
    /// <summary>
    /// The next this many Web Hooks deliveries count as failed whatever the receiver answered, as when
    /// its answer is lost on the way: Crisp delivers them again (<see cref="SandboxOptions.HookRedelivery"/>).
    /// </summary>
    public int? LoseHookAnswers { get; set; }
}

public sealed record SandboxRouteCount(string Method, string Route, long Count);

public sealed record SandboxRequestCounts(long Total, IReadOnlyList<SandboxRouteCount> Routes)
{
    /// <summary>Calls of one route template, e.g. <c>Count("POST", "/v1/website/{website_id}/people/profile")</c>.</summary>
    public long Count(string method, string route) =>
        Routes.Where(r => r.Method == method && r.Route == route).Sum(r => r.Count);
}

/// <param name="Address">Where the socket connected, e.g. <c>ws://127.0.0.1:41234/p/1/</c>.</param>
public sealed record SandboxSocket(string Sid, int Eio, bool Authenticated, IReadOnlyList<string> Events,
    IReadOnlyList<string> Websites, int BindAttempts, string Address);

/// <summary>Web Hooks deliveries so far (<c>GET /_sandbox/hooks</c>): answered, given up after the last attempt, still under way.</summary>
public sealed record SandboxHookCounts(long Delivered, long Failed, long Pending);
