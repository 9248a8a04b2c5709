using System.Collections.Concurrent;

namespace RichContact.Engine.Nodes;

/// <summary><see cref="IRouteRefusals"/> of a single process, in memory: a restart asks once more.</summary>
public sealed class ProcessRouteRefusals : IRouteRefusals
{
    private readonly ConcurrentDictionary<(string WebsiteId, string Route), DateTimeOffset> _until = new();

    public Task<DateTimeOffset?> PausedUntilAsync(string websiteId, string route, CancellationToken ct) =>
        Task.FromResult(_until.TryGetValue((websiteId, route), out var until) ? until : (DateTimeOffset?)null);

    public Task PauseAsync(string websiteId, string route, DateTimeOffset until, CancellationToken ct)
    {
        _until[(websiteId, route)] = until;
        return Task.CompletedTask;
    }

    public Task ClearAsync(string websiteId, string route, CancellationToken ct)
    {
        _until.TryRemove((websiteId, route), out _);
        return Task.CompletedTask;
    }
}
