namespace RichContact.Engine.Crisp.Rtm;

/// <summary><c>session:removed</c>: the conversation was deleted.</summary>
internal sealed record SessionRemoved(string WebsiteId, string SessionId) : RtmEvent(WebsiteId);
