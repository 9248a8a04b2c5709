namespace RichContact.Engine.Contacts;

/// <summary>
/// One async lock per key, existing only while someone holds or waits for it. Contact jobs take two:
/// the conversation's (<see cref="ConversationKey.LockKey"/>), so that two jobs of one conversation
/// (the previous process's and the catch-up's after a restart) record one outcome; then the person's
/// (<see cref="ContactIdentity.LockKey"/>), so that the same person writing on two channels at once
/// is searched and created one conversation at a time and the second finds the first's contact.
/// </summary>
public sealed class KeyedLocks
{
    private readonly Dictionary<string, (SemaphoreSlim Gate, int Users)> _locks = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string key, CancellationToken ct)
    {
        SemaphoreSlim gate;
        lock (_locks)
        {
            var (existing, users) = _locks.TryGetValue(key, out var entry) ? entry : (new SemaphoreSlim(1, 1), 0);
            _locks[key] = (existing, users + 1);
            gate = existing;
        }
        try
        {
            await gate.WaitAsync(ct);
        }
        catch
        {
            Release(key, gate, held: false);
            throw;
        }
        return new Holder(() => Release(key, gate, held: true));
    }

    private void Release(string key, SemaphoreSlim gate, bool held)
    {
        if (held)
            gate.Release();
        lock (_locks)
        {
            var (_, users) = _locks[key];
            if (users == 1) _locks.Remove(key);
            else _locks[key] = (gate, users - 1);
        }
    }

    private sealed class Holder(Action release) : IDisposable
    {
        private int _released;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                release();
        }
    }
}
