namespace RichContact.Engine.Nodes;

/// <summary>Who listens to which topic of <see cref="IStateChanges"/>: both implementations raise changes through it.</summary>
internal sealed class StateChangeSubscribers
{
    private readonly Lock _gate = new();
    private readonly List<(string Topic, Action<string?> Changed)> _subscribers = [];

    public IDisposable Add(string topic, Action<string?> changed)
    {
        var subscriber = (topic, changed);
        lock (_gate)
            _subscribers.Add(subscriber);
        return new Subscription(() => { lock (_gate) _subscribers.Remove(subscriber); });
    }

    /// <summary>Every subscriber of <paramref name="topic"/>, or of every topic when null; a subscriber that throws does not stop the others.</summary>
    public void Raise(string? topic, string? key)
    {
        List<Action<string?>> called;
        lock (_gate)
            called = _subscribers.Where(s => topic is null || s.Topic == topic).Select(s => s.Changed).ToList();
        foreach (var changed in called)
        {
            try
            {
                changed(key);
            }
            catch (Exception)
            {
                // A copy that could not be dropped expires with its lifetime.
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                dispose();
        }
    }
}
