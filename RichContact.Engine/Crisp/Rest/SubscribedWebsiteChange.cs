namespace RichContact.Engine.Crisp.Rest;

/// <summary>One item of <c>plugin/connect/websites/since</c>: an install (with its token) or a removal.</summary>
public sealed record SubscribedWebsiteChange(string WebsiteId, string? Token, bool Removed);
