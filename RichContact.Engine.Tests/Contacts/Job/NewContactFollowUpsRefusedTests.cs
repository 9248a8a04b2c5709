using RichContact.Sandbox;

namespace RichContact.Engine.Tests.Contacts.Job;

/// <summary>Crisp keeps the subscription route to the user tier: 403 to the plugin token.</summary>
public sealed class NewContactFollowUpsRefusedTests : NewContactFollowUpsTests
{
    protected override string Reading => PeopleSubscriptionReadings.Refused;
}
