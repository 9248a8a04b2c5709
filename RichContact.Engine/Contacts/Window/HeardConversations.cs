using RichContact.Engine.Memory;

namespace RichContact.Engine.Contacts;

/// <summary>
/// What the window saw of each conversation, in memory: that it started (its channel and first
/// message) and whether Crisp said it was deleted. Kept where it is learnt and read by the job, which
/// runs after the window and must not call back into the tracker.
/// </summary>
internal sealed class HeardConversations(TimeProvider clock)
{
    /// <summary>How long a session counts as "seen"; later messages are repeats. The job's own idempotence covers the rest.</summary>
    private static readonly TimeSpan SeenFor = TimeSpan.FromHours(2);

    private readonly ExpiringMap<ConversationKey, TrackedConversation> _started = new(50_000, SeenFor, clock);
    private readonly ExpiringMap<ConversationKey, bool> _removed = new(10_000, SeenFor, clock);

    public TrackedConversation? Get(ConversationKey conversation) =>
        _started.TryGet(conversation, out var tracked) ? tracked : null;

    /// <summary>False when the conversation was heard already: a later message of a conversation already handled.</summary>
    public bool TryStart(ConversationKey conversation, TrackedConversation tracked) => _started.TryAdd(conversation, tracked);

    /// <summary>Forgotten: its next visitor message starts it again.</summary>
    public void Forget(ConversationKey conversation) => _started.Remove(conversation);

    public void Removed(ConversationKey conversation) => _removed.TryAdd(conversation, true);

    /// <summary>True when Crisp said the conversation was deleted (<c>session:removed</c>).</summary>
    public bool WasRemoved(ConversationKey conversation) => _removed.TryGet(conversation, out _);
}
