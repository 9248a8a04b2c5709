namespace RichContact.Engine.Backfill;

/// <summary>One page of the conversation list as a run keeps it: the channel conversations, and counts of the rest.</summary>
internal sealed record ConversationsListed(IReadOnlyList<ListedChannelConversation> Channel, int Conversations, int NotChannel, int Calls, bool IsLast);
