namespace RichContact.Sandbox.Tests.Rest;

/// <summary>The route is closed to the plugin tier: 403 <c>restricted_route_tier</c>.</summary>
public sealed class ForbiddenConversationMessagesTests : RefusedConversationMessagesTests
{
    protected override string Reading => ConversationMessagesReadings.Refused;
    protected override int Status => 403;
    protected override string Reason => "restricted_route_tier";
}
