using RichContact.Sandbox;

namespace RichContact.Engine.Tests.EndToEnd;

/// <summary>The visitor's messages carry no user.user_id at all.</summary>
public sealed class PhonelessNoneTests : PhonelessConversationsTests
{
    protected override string Reading => PhonelessIdentityReadings.None;
}
