using System.Collections.Concurrent;

namespace RichContact.Sandbox.State;

/// <summary>REST calls counted by method and route template: the quota a client would have spent on Crisp.</summary>
internal sealed class RequestLog
{
    private readonly ConcurrentDictionary<(string Method, string Route), long> _counts = new();
    private long _total;

    public void Count(string method, string route)
    {
        _counts.AddOrUpdate((method, route), 1, (_, n) => n + 1);
        Interlocked.Increment(ref _total);
    }

    public long Total => Interlocked.Read(ref _total);

    public IReadOnlyList<(string Method, string Route, long Count)> Snapshot() =>
        _counts.Select(kv => (kv.Key.Method, kv.Key.Route, kv.Value)).OrderBy(r => r.Route).ThenBy(r => r.Method).ToList();

    public void Reset()
    {
        _counts.Clear();
        Interlocked.Exchange(ref _total, 0);
    }
}
