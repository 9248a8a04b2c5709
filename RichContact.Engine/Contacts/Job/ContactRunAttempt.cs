namespace RichContact.Engine.Contacts;

/// <summary>
/// Which run of a conversation's contact job this is, as its schedule knows it.
/// </summary>
/// <param name="IsLast">No retry follows an unexpected failure: it is recorded <c>failed</c> instead of thrown.</param>
internal sealed record ContactRunAttempt(bool IsLast)
{
    /// <summary>A backfill's past conversation: its channel and creation time come from the conversation list.</summary>
    public PastConversation? Past { get; init; }

    /// <summary>Checked before the run starts and before it creates: false ends it (<see cref="Nodes.RtmTermEndedException"/>).</summary>
    public Func<bool>? Fence { get; init; }
}
