namespace RichContact.Engine.Backfill;

internal sealed record ListedChannelConversation(string SessionId, string? Channel, DateTimeOffset? CreatedAt);
