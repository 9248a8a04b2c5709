namespace RichContact.Engine.Memory;

/// <summary>
/// One async lock per key, existing only while someone holds or waits for it. Contact jobs take two:
/// the conversation's (<see cref="Contacts.ConversationKey.LockKey"/>), so that two jobs of one conversation
/// (the previous process's and the catch-up's after a restart) record one outcome; then the person's
/// (<see cref="Contacts.ContactIdentity.LockKey"/>), so that the same person writing on two channels at once
/// is searched and created one conversation at a time and the second finds the first's contact.
/// </summary>
internal sealed class KeyedLocks
{
    private readonly Dictionary<string, (SemaphoreSlim Gate, int Users)> _locks = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string key, CancellationToken ct)
    {
        var gate = Join(key);
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

    /// <summary>Blocks until the lock is held or <paramref name="timeout"/> passed (then null).</summary>
    public IDisposable? TryAcquire(string key, TimeSpan timeout)
    {
        var gate = Join(key);
        if (gate.Wait(timeout))
            return new Holder(() => Release(key, gate, held: true));
        Release(key, gate, held: false);
        return null;
    }

    private SemaphoreSlim Join(string key)
    {
        lock (_locks)
        {
            var (gate, users) = _locks.TryGetValue(key, out var entry) ? entry : (new SemaphoreSlim(1, 1), 0);
            _locks[key] = (gate, users + 1);
            return gate;
        }
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
