namespace RichContact.Sandbox;

public sealed record SubscribedWebsite(string WebsiteId, string Token);
