namespace RichContact.Sandbox;

/// <summary>
/// The readings of <see cref="SandboxOptions.ConversationMessages"/>: what <c>GET website/{website_id}/conversation/{session_id}/messages</c>
/// answers a plugin token. Crisp documents the route, not whether a plugin's scopes let it read a
/// conversation's messages (docs/crisp.md): each refusing reading is one plausible status and reason.
/// </summary>
internal static class ConversationMessagesReadings
{
    /// <summary>The latest page of messages, as Crisp's reference shows the route.</summary>
    public const string Answered = "answered";
    /// <summary>403 <c>restricted_route_tier</c>, as Crisp answers a route closed to the plugin tier.</summary>
    public const string Refused = "refused";
    /// <summary>404 <c>not_found</c>, as Crisp answers a route it does not show this token.</summary>
    public const string NotFound = "not-found";

    /// <summary>The status and reason the route answers under <paramref name="reading"/>; null when it is answered (or the reading is unknown).</summary>
    public static (int Status, string Reason)? Refusal(string? reading) => reading switch
    {
        Refused => (403, "restricted_route_tier"),
        NotFound => (404, "not_found"),
        _ => null,
    };

    public static bool IsKnown(string? reading) => reading == Answered || Refusal(reading) is not null;
}
