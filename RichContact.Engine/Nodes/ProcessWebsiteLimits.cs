namespace RichContact.Engine.Nodes;

/// <summary>
/// <see cref="IWebsiteLimits"/> of a single process, in memory: after a restart the next create tries
/// again and learns the limit anew, at the cost of one call.
/// </summary>
public sealed class ProcessWebsiteLimits : IWebsiteLimits
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, WebsiteLimit> _limits = new(StringComparer.Ordinal);

    public Task<WebsiteLimit?> GetAsync(string websiteId, CancellationToken ct)
    {
        lock (_gate)
            return Task.FromResult(_limits.GetValueOrDefault(websiteId));
    }

    public Task<IReadOnlyList<WebsiteLimit>> AllAsync(CancellationToken ct)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<WebsiteLimit>>(_limits.Values.OrderBy(l => l.WebsiteId, StringComparer.Ordinal).ToList());
    }

    public Task SetAsync(string websiteId, string reason, DateTimeOffset at, DateTimeOffset nextAttemptAt, CancellationToken ct)
    {
        lock (_gate)
            _limits[websiteId] = new WebsiteLimit(websiteId, reason, _limits.GetValueOrDefault(websiteId)?.Since ?? at, nextAttemptAt);
        return Task.CompletedTask;
    }

    public Task<bool> TryTakeAttemptAsync(string websiteId, DateTimeOffset now, DateTimeOffset next, CancellationToken ct)
    {
        lock (_gate)
        {
            if (!_limits.TryGetValue(websiteId, out var limit) || limit.NextAttemptAt > now)
                return Task.FromResult(false);
            _limits[websiteId] = limit with { NextAttemptAt = next };
            return Task.FromResult(true);
        }
    }

    public Task SetNextAttemptAsync(string websiteId, DateTimeOffset at, CancellationToken ct)
    {
        lock (_gate)
            if (_limits.TryGetValue(websiteId, out var limit))
                _limits[websiteId] = limit with { NextAttemptAt = at };
        return Task.CompletedTask;
    }

    public Task LiftAsync(string websiteId, CancellationToken ct)
    {
        lock (_gate)
            _limits.Remove(websiteId);
        return Task.CompletedTask;
    }
}
