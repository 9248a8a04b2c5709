using Hangfire.Storage;
using Hangfire.Storage.SQLite;
using RichContact.Engine.Memory;

namespace RichContact.Engine.Contacts;

/// <summary>
/// Hangfire.Storage.SQLite with the job-state locks taken in this process instead of in hangfire.db,
/// whose lock could miss a release and leave a worker asleep for 90 s with a due job (RELIABILITY.md,
/// "Fixes this work made"). Only this process uses hangfire.db, so a lock in memory guards what the row guarded.
/// Locks taken through a write transaction still go to the database; only recurring jobs and
/// continuations take them, and the engine uses neither.
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
