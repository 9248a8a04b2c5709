namespace RichContact.Sandbox;

internal sealed record StartedConversation(string SessionId);
