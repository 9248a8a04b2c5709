namespace RichContact.Engine.Nodes;

/// <summary>
/// <see cref="IStateChanges"/> of a single process (SQLite): the only copies are this process's, so a
/// change is raised at once and a copy never expires.
/// </summary>
public sealed class ProcessStateChanges : IStateChanges
{
    private readonly StateChangeSubscribers _subscribers = new();

    public TimeSpan CopyLifetime => Timeout.InfiniteTimeSpan;

    public Task AnnounceAsync(string topic, string key, CancellationToken ct = default)
    {
        _subscribers.Raise(topic, key);
        return Task.CompletedTask;
    }

    public IDisposable Subscribe(string topic, Action<string?> changed) => _subscribers.Add(topic, changed);
}
