using RichContact.Sandbox;

namespace RichContact.Engine.Tests.EndToEnd;

/// <summary>The user.user_id of the visitor's messages is the conversation's session id, as Crisp documents it for a chat visitor.</summary>
public sealed class PhonelessConversationOnlyTests : PhonelessConversationsTests
{
    protected override string Reading => PhonelessIdentityReadings.ConversationOnly;
}
