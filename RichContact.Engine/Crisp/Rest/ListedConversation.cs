namespace RichContact.Engine.Crisp.Rest;

/// <summary>A conversation as the conversation list shows it: ids, origin and when it was created (<c>created_at</c>, ms), nothing personal.</summary>
public sealed record ListedConversation(string SessionId, string? Origin, DateTimeOffset? CreatedAt);
