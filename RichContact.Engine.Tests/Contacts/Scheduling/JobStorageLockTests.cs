using Hangfire;
using RichContact.Engine.Contacts;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Contacts.Scheduling;

/// <summary>Hangfire's job-state locks in the engine's job storage, as its workers, scheduler and client take them.</summary>
public class JobStorageLockTests : IDisposable
{
    /// <summary>The timeout Hangfire gives every job-state lock (BackgroundJobStateChanger).</summary>
    private static readonly TimeSpan HangfireJobLockTimeout = TimeSpan.FromMinutes(15);

    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Workers_waiting_for_one_job_lock_each_get_it_in_turn_as_soon_as_it_is_free()
    {
        await using var engine = await EngineHost.StartAsync(_data.Path);
        var storage = engine.Get<JobStorage>();
        const string resource = "job:1:state-lock";
        var holders = 0;
        var overlaps = 0;
        var turns = 0;
        var asking = 0;

        Task[] waiters;
        using (var first = storage.GetConnection())
        using (first.AcquireDistributedLock(resource, HangfireJobLockTimeout))
        {
            waiters = Enumerable.Range(0, 20).Select(_ => Task.Factory.StartNew(() =>
            {
                using var connection = storage.GetConnection();
                Interlocked.Increment(ref asking);
                using (connection.AcquireDistributedLock(resource, HangfireJobLockTimeout))
                {
                    if (Interlocked.Increment(ref holders) > 1)
                        Interlocked.Increment(ref overlaps);
                    Interlocked.Increment(ref turns);
                    Interlocked.Decrement(ref holders);
                }
            }, TaskCreationOptions.LongRunning)).ToArray();
            // Every waiter has asked while the first holds the lock: none of them got it.
            await Eventually.TrueAsync(() => Volatile.Read(ref asking) == 20, "every waiter to ask for the lock");
            Assert.Equal(0, Volatile.Read(ref turns));
        }

        // A missed wake-up would leave a waiter asleep for a tenth of Hangfire's timeout: 90 s.
        await Task.WhenAll(waiters).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((20, 0), (turns, overlaps));
    }

    [Fact]
    public async Task Job_lock_still_held_after_the_timeout_is_refused()
    {
        await using var engine = await EngineHost.StartAsync(_data.Path);
        var storage = engine.Get<JobStorage>();
        Assert.IsType<RichContactJobStorage>(storage);
        using var first = storage.GetConnection();
        using var second = storage.GetConnection();
        using var held = first.AcquireDistributedLock("job:1:state-lock", HangfireJobLockTimeout);

        Assert.Throws<Hangfire.Storage.DistributedLockTimeoutException>(() => second.AcquireDistributedLock("job:1:state-lock", TimeSpan.FromMilliseconds(50)));
        second.AcquireDistributedLock("job:2:state-lock", TimeSpan.FromMilliseconds(50)).Dispose();
    }
}
