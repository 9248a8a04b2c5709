namespace RichContact.Sandbox;

/// <summary>How a website's people-profile creates are answered (<c>PUT /_sandbox/websites/{website_id}/people-limit</c>): one of <see cref="PeopleLimitReadings"/>.</summary>
public sealed record PeopleLimitReading(string PeopleLimit);
