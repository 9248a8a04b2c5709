namespace RichContact.Engine.Nodes;

/// <summary><see cref="IWebsiteListShare"/> of a single process: nothing to share; refreshes on a miss are counted in memory.</summary>
internal sealed class ProcessWebsiteList(TimeProvider clock) : IWebsiteListShare
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _lastClaim;

    public Task<IReadOnlyDictionary<string, string>?> ReadAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, string>?>(null);

    public Task SaveAsync(IReadOnlyDictionary<string, string?> changes, bool all, CancellationToken ct) => Task.CompletedTask;

    public Task<DateTimeOffset?> TryClaimRefreshAsync(TimeSpan interval, CancellationToken ct)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_lastClaim is { } last && now - last < interval)
                return Task.FromResult<DateTimeOffset?>(null);
            var previous = _lastClaim ?? DateTimeOffset.MinValue;
            _lastClaim = now;
            return Task.FromResult<DateTimeOffset?>(previous);
        }
    }
}
