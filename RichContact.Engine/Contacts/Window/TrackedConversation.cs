namespace RichContact.Engine.Contacts;

/// <summary>A messaging-channel conversation the engine saw start.</summary>
public sealed record TrackedConversation(string Channel, DateTimeOffset FirstMessageAt);
