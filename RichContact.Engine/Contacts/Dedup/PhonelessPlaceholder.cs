using System.Security.Cryptography;
using System.Text;

namespace RichContact.Engine.Contacts;

/// <summary>
/// The placeholder email of a channel conversation with neither a phone nor an email, made from what
/// identifies the person on the channel: <c>user-&lt;id&gt;@&lt;channel&gt;.nomail</c> from the id Crisp gives
/// the visitor in a message's <c>user.user_id</c>, when it is not the conversation's own; else
/// <c>session-&lt;id&gt;@&lt;channel&gt;.nomail</c> from the conversation. Which of the two Crisp's channels
/// give is not known (docs/crisp.md): with the conversation's, each conversation of the person gets a
/// contact of its own. Nothing personal beyond what Crisp already holds goes into it.
/// </summary>
public static class PhonelessPlaceholder
{
    /// <summary>What Crisp names a conversation (<c>session_&lt;uuid&gt;</c>), and a chat visitor's user id.</summary>
    private const string SessionPrefix = "session_";

    // An email's local part holds 64 characters: "session-" and 48 leave room.
    private const int MaxIdLength = 48;

    /// <summary>The placeholder of the conversation <paramref name="sessionId"/> on <paramref name="channel"/>.</summary>
    public static string For(string channel, string? channelUserId, string sessionId) =>
        IsStable(channelUserId, sessionId)
            ? $"user-{Safe(channelUserId!.Trim())}@{channel}{ContactIdentity.PlaceholderDomainSuffix}"
            : $"session-{Safe(WithoutPrefix(sessionId))}@{channel}{ContactIdentity.PlaceholderDomainSuffix}";

    /// <summary>
    /// Whether the message's user id names the person rather than the conversation: Crisp gives a chat
    /// visitor the session id itself (seen, docs/crisp.md), and any id shaped like one is taken as per conversation.
    /// </summary>
    public static bool IsStable(string? channelUserId, string sessionId) =>
        !string.IsNullOrWhiteSpace(channelUserId)
        && !string.Equals(channelUserId.Trim(), sessionId, StringComparison.Ordinal)
        && !channelUserId.Trim().StartsWith(SessionPrefix, StringComparison.Ordinal);

    private static string WithoutPrefix(string sessionId) =>
        sessionId.StartsWith(SessionPrefix, StringComparison.Ordinal) ? sessionId[SessionPrefix.Length..] : sessionId;

    /// <summary>
    /// The id as it is when it can sit in an email (lowercase letters, digits, <c>-</c>, <c>_</c>), else a
    /// digest of it: the same id always gives the same placeholder, two ids never share one by case folding.
    /// </summary>
    private static string Safe(string id) =>
        id.Length is > 0 and <= MaxIdLength && id.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c) || c is '-' or '_')
            ? id
            : "h" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..32];
}
