using RichContact.Sandbox;

namespace RichContact.Engine.Tests.EndToEnd;

/// <summary>The user.user_id of the visitor's messages is the person's id on the channel, the same in each of their conversations.</summary>
public sealed class PhonelessStableUserIdTests : PhonelessConversationsTests
{
    protected override string Reading => PhonelessIdentityReadings.StableUserId;
}
