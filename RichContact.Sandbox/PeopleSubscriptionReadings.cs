namespace RichContact.Sandbox;

/// <summary>The readings of <see cref="SandboxOptions.PeopleSubscription"/>.</summary>
internal static class PeopleSubscriptionReadings
{
    /// <summary>The profile's email subscription changes, as Crisp's official clients show the route.</summary>
    public const string Answered = "answered";
    /// <summary>403 <c>restricted_route_tier</c>: the route kept to the user tier, closed to a plugin token.</summary>
    public const string Refused = "refused";
}
