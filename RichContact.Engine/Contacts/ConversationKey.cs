namespace RichContact.Engine.Contacts;

/// <summary>A Crisp conversation: a session of a website.</summary>
public readonly record struct ConversationKey(string WebsiteId, string SessionId);
