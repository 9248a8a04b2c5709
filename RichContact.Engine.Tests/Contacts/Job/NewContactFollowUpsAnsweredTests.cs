using RichContact.Sandbox;

namespace RichContact.Engine.Tests.Contacts.Job;

/// <summary>Crisp lets the plugin token change a profile's email subscription.</summary>
public sealed class NewContactFollowUpsAnsweredTests : NewContactFollowUpsTests
{
    protected override string Reading => PeopleSubscriptionReadings.Answered;
}
