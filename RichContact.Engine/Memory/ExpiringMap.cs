namespace RichContact.Engine.Memory;

/// <summary>
/// A small in-memory map whose entries expire and whose size is capped: conversation state the
/// engine needs for seconds must not grow with every conversation ever seen. When full, expired
/// entries go first, then the one closest to expiry.
/// </summary>
internal sealed class ExpiringMap<TKey, TValue>(int capacity, TimeSpan timeToLive, TimeProvider clock) where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, (TValue Value, DateTimeOffset ExpiresAt)> _entries = new();

    public int Count { get { lock (_gate) return _entries.Count; } }

    public bool TryGet(TKey key, out TValue value)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry) && entry.ExpiresAt > clock.GetUtcNow())
            {
                value = entry.Value;
                return true;
            }
            _entries.Remove(key);
            value = default!;
            return false;
        }
    }

    /// <summary>Adds the key unless a live entry exists; true when this call added it.</summary>
    public bool TryAdd(TKey key, TValue value)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry) && entry.ExpiresAt > clock.GetUtcNow())
                return false;
            Put(key, value);
            return true;
        }
    }

    /// <summary>Sets the key to <paramref name="update"/>(current value or default), restarting its time to live.</summary>
    public TValue AddOrUpdate(TKey key, Func<TValue?, TValue> update)
    {
        lock (_gate)
        {
            var current = _entries.TryGetValue(key, out var entry) && entry.ExpiresAt > clock.GetUtcNow() ? entry.Value : default;
            var value = update(current);
            Put(key, value);
            return value;
        }
    }

    public void Remove(TKey key)
    {
        lock (_gate) _entries.Remove(key);
    }

    private void Put(TKey key, TValue value)
    {
        var now = clock.GetUtcNow();
        if (!_entries.ContainsKey(key) && _entries.Count >= capacity)
            MakeRoom(now);
        _entries[key] = (value, now + timeToLive);
    }

    private void MakeRoom(DateTimeOffset now)
    {
        foreach (var expired in _entries.Where(e => e.Value.ExpiresAt <= now).Select(e => e.Key).ToList())
            _entries.Remove(expired);
        if (_entries.Count >= capacity)
            _entries.Remove(_entries.MinBy(e => e.Value.ExpiresAt).Key);
    }
}
