using RichContact.Engine.Memory;

namespace RichContact.Engine.Nodes;

/// <summary>One process on SQLite: its <see cref="KeyedLocks"/> are every lock there is, and never lost.</summary>
internal sealed class InProcessContactLocks(KeyedLocks local) : IContactLocks
{
    public async Task<IHeldLock> AcquireAsync(string key, CancellationToken ct, bool watched = false) => new Held(await local.AcquireAsync(key, ct));

    public Task<IHeldLock?> TryAcquireAsync(string key, CancellationToken ct) =>
        Task.FromResult(local.TryAcquire(key, TimeSpan.Zero) is { } held ? new Held(held) : (IHeldLock?)null);

    private sealed class Held(IDisposable held) : IHeldLock
    {
        public void ThrowIfLost() { }

        public ValueTask DisposeAsync()
        {
            held.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
