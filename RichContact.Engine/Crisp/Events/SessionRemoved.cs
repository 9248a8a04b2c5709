namespace RichContact.Engine.Crisp.Events;

/// <summary><c>session:removed</c>: the conversation was deleted.</summary>
internal sealed record SessionRemoved(string WebsiteId, string SessionId) : CrispEvent(WebsiteId);
