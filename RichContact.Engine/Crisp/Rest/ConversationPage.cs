namespace RichContact.Engine.Crisp.Rest;

/// <summary>One page of <c>website/{website_id}/conversations/{page}</c>; a page shorter than the smallest seen is the last.</summary>
public sealed record ConversationPage(IReadOnlyList<ListedConversation> Conversations, bool IsLast);
