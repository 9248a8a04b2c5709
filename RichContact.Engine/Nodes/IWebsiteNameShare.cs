namespace RichContact.Engine.Nodes;

/// <summary>
/// The websites' names and domains that a node asked Crisp for (<c>Crisp/Rest/WebsiteNames.cs</c>), so that
/// with several nodes each website costs one call per refresh for the cluster, not one per node. One
/// process: nothing to share (<see cref="ProcessWebsiteNames"/>). Several nodes: rows every node reads
/// (<see cref="PostgresWebsiteNames"/>). A website's name and domain are not personal data.
/// </summary>
public interface IWebsiteNameShare
{
    /// <summary>What a node last heard from Crisp of the website, and when; null when no node did (or one process).</summary>
    Task<SharedWebsiteName?> ReadAsync(string websiteId, CancellationToken ct);

    Task SaveAsync(SharedWebsiteName name, CancellationToken ct);
}
