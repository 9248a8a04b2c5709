namespace RichContact.Sandbox.Tests;

/// <summary>The conversation's session id, as Crisp documents it for a chat visitor.</summary>
public sealed class ConversationOnlyUserIdTests : PhonelessIdentityTests
{
    protected override string Reading => PhonelessIdentityReadings.ConversationOnly;
    protected override string? ExpectedUserId(string sessionId) => sessionId;
}
