namespace RichContact.Sandbox;

/// <summary>The readings of <see cref="SandboxOptions.WebsiteRoute"/>.</summary>
internal static class WebsiteRouteReadings
{
    /// <summary>The website's name and domain, as Crisp's reference shows the route.</summary>
    public const string Answered = "answered";
    /// <summary>403 <c>restricted_route_tier</c>, as Crisp answers a route closed to the plugin tier.</summary>
    public const string Refused = "refused";
}
