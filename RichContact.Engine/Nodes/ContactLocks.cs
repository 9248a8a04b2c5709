using System.Security.Cryptography;
using System.Text;
using Medallion.Threading.Postgres;
using RichContact.Engine.Memory;

namespace RichContact.Engine.Nodes;

/// <summary>
/// The contact jobs' locks — a conversation's (one outcome), a person's (one contact), a mend's —
/// across every node: in this process (<see cref="KeyedLocks"/>), and with PostgreSQL also a
/// PostgreSQL advisory lock (DistributedLock.Postgres), since a job of the same conversation or
/// person may run on another node. The process's lock is taken first, so that jobs waiting in one
/// process wait on one database connection at most; the database's locks are multiplexed (several
/// held on one connection), so 32 concurrent contact runs per node hold a few connections, not 64.
/// The database sees only a 64-bit hash of the key (SHA-256), never the phone or email a person's key holds.
/// A lock whose connection breaks is released by PostgreSQL: the job goes on, and the one-outcome
/// index (<see cref="Storage.RichContactDb.OutcomeIndex"/>) still refuses a second outcome.
/// </summary>
public sealed class ContactLocks(KeyedLocks local, NodesDatabase database)
{
    private readonly Lazy<PostgresDistributedSynchronizationProvider> _shared =
        new(() => new PostgresDistributedSynchronizationProvider(database.ConnectionString("locks"), options => options.UseMultiplexing()));

    /// <summary>Held until disposed. Throws the database's failure (a contact job is then held) when PostgreSQL is down.</summary>
    public async Task<IDisposable> AcquireAsync(string key, CancellationToken ct)
    {
        var held = await local.AcquireAsync(key, ct);
        if (!database.IsShared)
            return held;
        try
        {
            var handle = await _shared.Value.CreateLock(KeyOf(key)).AcquireAsync(cancellationToken: ct);
            return new Both(handle, held);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>The advisory lock's 64-bit key: the first 8 bytes of the key's SHA-256.</summary>
    internal static PostgresAdvisoryLockKey KeyOf(string key) =>
        new(BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0));

    private sealed class Both(PostgresDistributedLockHandle shared, IDisposable local) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 1)
                return;
            try
            {
                shared.Dispose();
            }
            catch (Exception)
            {
                // Its connection broke: PostgreSQL released the lock with it.
            }
            finally
            {
                local.Dispose();
            }
        }
    }
}
