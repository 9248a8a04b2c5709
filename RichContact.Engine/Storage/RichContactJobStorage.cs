using Hangfire.Storage;
using Hangfire.Storage.SQLite;
using RichContact.Engine.Contacts;

namespace RichContact.Engine.Storage;

/// <summary>
/// Hangfire.Storage.SQLite with the job-state locks taken in this process instead of in hangfire.db.
/// The storage's own lock, after one failed try, sleeps a tenth of the caller's timeout unless the
/// holder's release wakes it, and a release that lands between the try and the sleep is missed:
/// Hangfire asks for job locks with a 15 minute timeout, so a worker that fetched a job while its
/// enqueuer still held the lock slept 90 s with the job (seen as conversations whose contact came
/// 90 s late, and workers that would not stop). Only this process uses hangfire.db (one process per
/// data directory), so a lock in memory guards exactly what the row in the database guarded.
/// Locks taken through a write transaction (the storage's <c>Transaction.AcquireDistributedLock</c>)
/// still go to the database and would not exclude these; only recurring jobs and continuations take
/// them, and the engine uses neither.
/// </summary>
internal sealed class RichContactJobStorage : SQLiteStorage
{
    private readonly SQLiteStorageOptions _options;
    private readonly KeyedLocks _locks = new();

    public RichContactJobStorage(SQLiteDbConnectionFactory connections, SQLiteStorageOptions options) : base(connections, options) =>
        _options = options;

    public override IStorageConnection GetConnection() => new Connection(CreateAndOpenConnection(), _options, QueueProviders, _locks);

    private sealed class Connection(HangfireDbContext database, SQLiteStorageOptions options, PersistentJobQueueProviderCollection queues, KeyedLocks locks)
        : HangfireSQLiteConnection(database, options, queues)
    {
        public override IDisposable AcquireDistributedLock(string resource, TimeSpan timeout) =>
            locks.TryAcquire(resource, timeout) ?? throw new DistributedLockTimeoutException(resource);
    }
}
