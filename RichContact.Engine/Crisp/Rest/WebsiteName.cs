namespace RichContact.Engine.Crisp.Rest;

/// <summary>
/// A website as the portal names it: Crisp's name and domain, or only its id while Crisp has not
/// said (or will not say). The name and domain of the operator's own websites are not personal data.
/// </summary>
public sealed record WebsiteName(string WebsiteId, string? Name = null, string? Domain = null)
{
    /// <summary>False while the portal can show only the id.</summary>
    public bool IsKnown => Name is not null || Domain is not null;

    /// <summary>What a person reads first: the name, else the domain, else the id.</summary>
    public string Display => Name ?? Domain ?? WebsiteId;
}
