namespace RichContact.Sandbox;

/// <summary>How <c>GET website/{website_id}</c> answers (<c>PUT /_sandbox/website-route</c>): one of <see cref="WebsiteRouteReadings"/>.</summary>
internal sealed record WebsiteRouteReading(string WebsiteRoute);
