namespace RichContact.Sandbox.Tests;

/// <summary>The person's id on the channel, the same in each of their conversations.</summary>
public sealed class StableUserIdTests : PhonelessIdentityTests
{
    protected override string Reading => PhonelessIdentityReadings.StableUserId;
    protected override string? ExpectedUserId(string sessionId) => "17841400123456789";
}
