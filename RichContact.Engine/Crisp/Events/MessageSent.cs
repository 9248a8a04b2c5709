namespace RichContact.Engine.Crisp.Events;

/// <summary>
/// <c>message:send</c>: a message sent in a conversation, by the visitor (<see cref="IsFromVisitor"/>) or an
/// operator; <see cref="Origin"/> says which channel, <see cref="UserId"/> is the sender's <c>user.user_id</c>.
/// </summary>
internal sealed record MessageSent(string WebsiteId, string SessionId, string? Origin, string? From, string? UserId = null) : CrispEvent(WebsiteId)
{
    public bool IsFromVisitor => From == "user";
}
