namespace RichContact.Sandbox;

public sealed record StartedConversation(string SessionId);
