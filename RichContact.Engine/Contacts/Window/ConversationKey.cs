namespace RichContact.Engine.Contacts;

/// <summary>A Crisp conversation: a session of a website.</summary>
public readonly record struct ConversationKey(string WebsiteId, string SessionId)
{
    /// <summary>The key of its lock in <see cref="Memory.KeyedLocks"/> (never equal to a person's).</summary>
    public string LockKey => $"conversation:{WebsiteId}/{SessionId}";
}
