using System.Security.Cryptography;
using System.Text;
using Medallion.Threading;
using Medallion.Threading.Postgres;
using Microsoft.Extensions.Options;
using RichContact.Engine.Crisp;
using RichContact.Engine.Memory;

namespace RichContact.Engine.Nodes;

/// <summary>
/// Several nodes on PostgreSQL: a lock in this process (<see cref="KeyedLocks"/>), then a PostgreSQL
/// advisory lock (DistributedLock.Postgres). The process's lock is taken first, so that jobs waiting in
/// one process wait on one database connection at most; the database's locks are multiplexed (several
/// held on one connection), so 32 concurrent contact runs per node hold a few connections, not 64.
/// The database sees a 64-bit key made by an HMAC of the lock's key under a secret from configuration
/// (<see cref="SecretOf"/>): a person's key holds a phone or an email, and an unsalted hash in
/// <c>pg_locks</c> or PostgreSQL's logs could be reversed by trying every phone number.
/// A lock whose connection breaks is released by PostgreSQL: <see cref="IHeldLock.ThrowIfLost"/> tells,
/// and the one-outcome index (<see cref="Activity.ActivityTable.OutcomeIndex"/>) still refuses a second outcome.
/// </summary>
internal sealed class PostgresContactLocks(KeyedLocks local, NodesDatabase database, IOptions<CrispOptions> options) : IContactLocks
{
    private readonly Lazy<PostgresDistributedSynchronizationProvider> _shared =
        new(() => new PostgresDistributedSynchronizationProvider(database.ConnectionString("locks"), o => o.UseMultiplexing()));

    private readonly byte[] _secret = SecretOf(options.Value);

    public async Task<IHeldLock> AcquireAsync(string key, CancellationToken ct, bool watched = false)
    {
        var held = await local.AcquireAsync(key, ct);
        try
        {
            return new Both(await _shared.Value.CreateLock(KeyOf(_secret, key)).AcquireAsync(cancellationToken: ct), held, watched);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    public async Task<IHeldLock?> TryAcquireAsync(string key, CancellationToken ct)
    {
        if (local.TryAcquire(key, TimeSpan.Zero) is not { } held)
            return null;
        try
        {
            if (await _shared.Value.CreateLock(KeyOf(_secret, key)).TryAcquireAsync(TimeSpan.Zero, ct) is { } handle)
                return new Both(handle, held, watched: false);
            held.Dispose();
            return null;
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Every node has the same plugin key (<c>RichContact:Crisp:Key</c>, the sandbox's in sandbox mode):
    /// a secret they share and PostgreSQL does not know. Without one (no plugin token: nothing is
    /// created anyway) a fixed label, still never the bare hash.
    /// </summary>
    internal static byte[] SecretOf(CrispOptions options) =>
        Encoding.UTF8.GetBytes("richcontact locks:" + (string.IsNullOrWhiteSpace(options.Key) ? options.Identifier ?? "" : options.Key));

    /// <summary>The advisory lock's 64-bit key: the first 8 bytes of the key's HMAC-SHA-256.</summary>
    internal static PostgresAdvisoryLockKey KeyOf(byte[] secret, string key) =>
        new(BitConverter.ToInt64(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(key)), 0));

    private sealed class Both : IHeldLock
    {
        private readonly IDistributedSynchronizationHandle _shared;
        private readonly IDisposable _local;
        private readonly CancellationToken _lost;
        private int _released;

        public Both(IDistributedSynchronizationHandle shared, IDisposable local, bool watched)
        {
            (_shared, _local) = (shared, local);
            // Asking for it starts DistributedLock's watch of the connection (a sleeping query it
            // interrupts for every other use of the connection), from now until the lock is released.
            _lost = watched ? shared.HandleLostToken : CancellationToken.None;
        }

        public void ThrowIfLost()
        {
            if (_lost.IsCancellationRequested)
                throw new ContactLockLostException();
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 1)
                return;
            try
            {
                await _shared.DisposeAsync();
            }
            catch (Exception)
            {
                // Its connection broke: PostgreSQL released the lock with it.
            }
            finally
            {
                _local.Dispose();
            }
        }
    }
}
