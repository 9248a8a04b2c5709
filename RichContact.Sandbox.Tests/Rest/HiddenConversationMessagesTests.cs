namespace RichContact.Sandbox.Tests.Rest;

/// <summary>The route is not shown to the plugin token: 404 <c>not_found</c>.</summary>
public sealed class HiddenConversationMessagesTests : RefusedConversationMessagesTests
{
    protected override string Reading => ConversationMessagesReadings.NotFound;
    protected override int Status => 404;
    protected override string Reason => "not_found";
}
