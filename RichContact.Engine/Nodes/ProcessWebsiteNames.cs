namespace RichContact.Engine.Nodes;

/// <summary><see cref="IWebsiteNameShare"/> of a single process: its names live in <c>WebsiteNames</c>' memory only.</summary>
internal sealed class ProcessWebsiteNames : IWebsiteNameShare
{
    public Task<SharedWebsiteName?> ReadAsync(string websiteId, CancellationToken ct) => Task.FromResult<SharedWebsiteName?>(null);

    public Task SaveAsync(SharedWebsiteName name, CancellationToken ct) => Task.CompletedTask;
}
