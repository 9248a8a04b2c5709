namespace RichContact.Engine.Nodes;

/// <summary>A website's name and domain as Crisp gave them at <see cref="FetchedAt"/>.</summary>
public sealed record SharedWebsiteName(string WebsiteId, string? Name, string? Domain, DateTimeOffset FetchedAt);
