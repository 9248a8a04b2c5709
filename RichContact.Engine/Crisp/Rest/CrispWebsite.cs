namespace RichContact.Engine.Crisp.Rest;

/// <summary>A website as <c>GET website/{website_id}</c> describes it: what the portal shows instead of its id.</summary>
public sealed record CrispWebsite(string WebsiteId, string? Name, string? Domain);
