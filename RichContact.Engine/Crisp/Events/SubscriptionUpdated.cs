namespace RichContact.Engine.Crisp.Events;

/// <summary><c>plugin:subscription:updated</c>: a website installed (<c>bound</c>) or removed the plugin.</summary>
internal sealed record SubscriptionUpdated(string WebsiteId, bool Bound) : CrispEvent(WebsiteId);
