namespace RichContact.Sandbox.Tests;

/// <summary>No user id at all.</summary>
public sealed class NoUserIdTests : PhonelessIdentityTests
{
    protected override string Reading => PhonelessIdentityReadings.None;
    protected override string? ExpectedUserId(string sessionId) => null;
}
