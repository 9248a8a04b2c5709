using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RichContact.Engine.Activity;
using RichContact.Engine.Backfill;
using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp.Hooks;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Crisp;
using RichContact.Engine.Nodes;
using RichContact.Engine.Storage;
using RichContact.Sandbox.Hooks;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Nodes;

/// <summary>
/// Two engine hosts on one real PostgreSQL database, as two nodes: what one node writes, spends,
/// takes, locks or records, the other sees. Fails without RICHCONTACT_TEST_POSTGRES (PostgresDatabase).
/// </summary>
public sealed class NodesOnPostgresTests : IAsyncLifetime
{
    private const string HookSecret = "914a657d8cc2efbc20593f1806f9bde2";
    private const int Budget = 10;

    private readonly TempDataDirectory _dataA = new();
    private readonly TempDataDirectory _dataB = new();
    private PostgresDatabase _database = null!;
    private EngineHost _a = null!;
    private EngineHost _b = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        // One after the other: the first applies the migrations and creates Hangfire's schema.
        _a = await StartNodeAsync("node-a", _dataA.Path);
        _b = await StartNodeAsync("node-b", _dataB.Path);
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        await _database.DisposeAsync();
        _dataA.Dispose();
        _dataB.Dispose();
    }

    private Task<EngineHost> StartNodeAsync(string name, string dataDirectory) =>
        EngineHost.StartAsync(dataDirectory, new Dictionary<string, string?>(_database.EngineSettings)
        {
            ["RichContact:NodeName"] = name,
            ["RichContact:Crisp:DailyRequestBudget"] = Budget.ToString(CultureInfo.InvariantCulture),
            ["RichContact:Crisp:HookSecret"] = HookSecret,
        });

    [Fact]
    public async Task The_daily_budget_is_shared_and_nodes_spending_at_once_never_pass_it()
    {
        var budgets = new[] { _a.Get<CrispRequestBudget>(), _b.Get<CrispRequestBudget>() };
        var spends = Enumerable.Range(0, 3 * Budget).Select(async i =>
        {
            try
            {
                await budgets[i % 2].SpendAsync(CancellationToken.None);
                return true;
            }
            catch (CrispBudgetExhaustedException)
            {
                return false;
            }
        });

        Assert.Equal(Budget, (await Task.WhenAll(spends)).Count(spent => spent));
        await Eventually.TrueAsync(() => budgets.All(b => b.Used == Budget && b.IsExhausted), "both nodes to show the shared count");
        // Nothing of a file: the count is the database's.
        Assert.False(File.Exists(Path.Combine(_dataA.Path, "crisp-budget.json")));
    }

    [Fact]
    public void Catch_up_gap_a_node_kept_with_its_mark_is_taken_over_with_its_own_bounds()
    {
        // Node A tried a catch-up it could not finish: the gap's bounds follow its mark in its row.
        var now = new DateTimeOffset(DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var gap = new CatchUpGap(now.AddHours(-3), now.AddHours(-2));
        var heardUntil = now.AddMinutes(-1);
        var hold = new LastEventMarkHold("a catch-up waiting for the budget", () => gap.Since) { Kept = () => [gap], HeldAtBesidesKept = () => null };
        new SharedLastEventMark(_a.Get<NodesDatabase>(), _a.Get<NodeIdentity>(), [hold], NullLogger<SharedLastEventMark>.Instance).Write(heardUntil);
        Assert.Equal(gap.Since, _a.Get<ILastEventMark>().Read()); // the mark itself still holds the gap's start

        var taken = _b.Get<ILastEventMark>().TakeOver(everyOtherListener: true);

        Assert.NotNull(taken);
        Assert.Equal(heardUntil, taken.Since); // the new stretch starts where A last heard Crisp
        Assert.Equal([gap], taken.Gaps); // the gap as it was, not from A's mark to now
        Assert.Equal(gap.Since, _b.Get<ILastEventMark>().Read()); // B's mark holds it until B catches it up
    }

    [Fact]
    public void A_node_that_takes_RTM_again_after_losing_its_term_takes_its_own_mark_over()
    {
        var mark = _a.Get<ILastEventMark>();
        Assert.Null(mark.TakeOver(everyOtherListener: true)); // its first term: nothing to take
        var heardUntil = DateTimeOffset.UtcNow.AddMinutes(-2);
        mark.Write(heardUntil);
        Assert.Null(mark.TakeOver(everyOtherListener: true)); // still listening: its own mark stays its own

        // Its term ended and nobody may have heard Crisp since: its next term catches up from its own mark.
        mark.StoppedListening();
        Assert.Equal(heardUntil.UtcTicks / 10 * 10, mark.TakeOver(everyOtherListener: true)?.Since.UtcTicks);
    }

    [Fact]
    public async Task State_one_node_writes_is_the_other_nodes_and_is_created_once()
    {
        // Each node's last-event mark is its own; the node that takes RTM over takes the others' over, once.
        var at = DateTimeOffset.UtcNow.AddMinutes(-3);
        _a.Get<ILastEventMark>().Write(at);
        Assert.Equal(at.UtcTicks / 10 * 10, _a.Get<ILastEventMark>().Read()?.UtcTicks);
        Assert.Equal(at.UtcTicks / 10 * 10, _b.Get<ILastEventMark>().TakeOver(everyOtherListener: true)?.Since.UtcTicks);
        Assert.Null(_a.Get<ILastEventMark>().Read());
        Assert.Null(_b.Get<ILastEventMark>().TakeOver(everyOtherListener: true));
        Assert.Equal(at.UtcTicks / 10 * 10, _b.Get<ILastEventMark>().Read()?.UtcTicks);
        Assert.False(File.Exists(Path.Combine(_dataA.Path, DataDirectory.LastEventMarkFileName)));

        // Two nodes generating the admin password at once: one writes it.
        var created = await Task.WhenAll(
            Task.Run(() => _a.Get<NodeState>().TryCreate("admin.json", "{\"a\":1}")),
            Task.Run(() => _b.Get<NodeState>().TryCreate("admin.json", "{\"b\":2}")));
        Assert.Single(created, c => c);
        Assert.Equal(_a.Get<NodeState>().Read("admin.json"), _b.Get<NodeState>().Read("admin.json"));
    }

    [Fact]
    public async Task A_hook_delivery_repeated_to_another_node_is_answered_as_a_repeat()
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        const string body = """{"website_id":"w","event":"message:send","data":{"website_id":"w","session_id":"session_1"},"timestamp":1}""";
        var signature = HookSignature.Sign(HookSecret, timestamp, body);

        Assert.Equal(HookDelivery.Accepted, await _a.Get<CrispHookReceiver>().ReceiveAsync(Encoding.UTF8.GetBytes(body), timestamp, signature));
        Assert.Equal(HookDelivery.Repeated, await _b.Get<CrispHookReceiver>().ReceiveAsync(Encoding.UTF8.GetBytes(body), timestamp, signature));
        Assert.Equal(HookDelivery.Repeated, await _a.Get<CrispHookReceiver>().ReceiveAsync(Encoding.UTF8.GetBytes(body), timestamp, signature));
    }

    [Fact]
    public async Task A_holder_that_cannot_renew_its_lease_loses_RTM_within_the_deadline_and_another_node_takes_the_next_term()
    {
        var termA = await _a.Get<IRtmLeadership>().TakeAsync(CancellationToken.None);
        Assert.True(_a.Get<IRtmLeadership>().HoldsRtm);
        var takingB = _b.Get<IRtmLeadership>().TakeAsync(CancellationToken.None);
        // B tries every RetryPeriod: after three tries it still does not hold it (A renews).
        await Task.Delay(PostgresRtmLeadership.RetryPeriod * 3);
        Assert.False(takingB.IsCompleted);
        Assert.False(_b.Get<IRtmLeadership>().HoldsRtm);

        // As when node A hangs, or its network drops: its renewals stop reaching the row.
        var stalled = System.Diagnostics.Stopwatch.StartNew();
        await using (var lease = await LockLeaseRowAsync())
        {
            await Eventually.TrueAsync(() => termA.Lost.IsCancellationRequested, "node A to give RTM up", TimeSpan.FromSeconds(20));
            Assert.InRange(stalled.Elapsed, PostgresRtmLeadership.RenewDeadline - PostgresRtmLeadership.RetryPeriod * 2, PostgresRtmLeadership.LeaseDuration);
            Assert.False(termA.IsValid);
            Assert.False(_a.Get<IRtmLeadership>().Holds(termA.Number));
            Assert.False(takingB.IsCompleted);
        }

        await using var termB = await takingB.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(stalled.Elapsed < TimeSpan.FromSeconds(15), $"node B took RTM {stalled.Elapsed.TotalSeconds:0.0} s after node A's renewals stopped");
        Assert.Equal(termA.Number + 1, termB.Number);
        Assert.True(_b.Get<IRtmLeadership>().HoldsRtm);
        Assert.False(_a.Get<IRtmLeadership>().HoldsRtm);
        await termA.DisposeAsync(); // a lost term gives nothing up: B's lease stays
        await Task.Delay(PostgresRtmLeadership.RetryPeriod * 2);
        Assert.True(termB.IsValid);

        // The portal's view: B holds it (its heartbeat says so at once).
        await Eventually.TrueAsync(async () => (await _a.Get<NodeRegistry>().AliveAsync(CancellationToken.None)) is var nodes
            && nodes.Count == 2 && nodes.Where(n => n.HoldsRtm).Select(n => n.Name).SequenceEqual(["node-b"]), "the nodes table to name node B, alone, as RTM's holder");
    }

    [Fact]
    public async Task A_holder_whose_connection_is_killed_keeps_its_lease_and_a_stopping_holder_hands_it_over_at_once()
    {
        var termA = await _a.Get<IRtmLeadership>().TakeAsync(CancellationToken.None);
        var takingB = _b.Get<IRtmLeadership>().TakeAsync(CancellationToken.None);

        // A broken connection is not a dead holder: the next renewal opens another.
        await TerminateAsync("richcontact rtm node-a");
        await Task.Delay(PostgresRtmLeadership.RenewDeadline + PostgresRtmLeadership.RetryPeriod);
        Assert.True(termA.IsValid);
        Assert.False(takingB.IsCompleted);

        var stopped = System.Diagnostics.Stopwatch.StartNew();
        await termA.DisposeAsync();
        await using var termB = await takingB.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(stopped.Elapsed < PostgresRtmLeadership.LeaseDuration, $"taken {stopped.Elapsed.TotalSeconds:0.0} s after the holder gave it up");
        Assert.Equal(termA.Number + 1, termB.Number);
    }

    [Fact]
    public async Task A_persons_lock_held_on_one_node_makes_the_other_node_wait()
    {
        const string person = "phone:351912345678";
        var heldByA = await _a.Get<IContactLocks>().AcquireAsync(person, CancellationToken.None);
        var takingB = _b.Get<IContactLocks>().AcquireAsync(person, CancellationToken.None);
        var other = await _b.Get<IContactLocks>().AcquireAsync("phone:351900000000", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await other.DisposeAsync();
        Assert.False(takingB.IsCompleted);
        // The database sees a keyed hash of the key (HMAC under the plugin key), never the phone, nor a bare hash anyone could recompute.
        var locks = await LocksAsync();
        Assert.DoesNotContain(locks, l => l.Contains("351912345678"));
        Assert.DoesNotContain(AdvisoryKey(BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(person)), 0)), locks);
        Assert.Contains(AdvisoryKey(BitConverter.ToInt64(System.Security.Cryptography.HMACSHA256.HashData(
            PostgresContactLocks.SecretOf(new CrispOptions()), Encoding.UTF8.GetBytes(person)), 0)), locks);

        await heldByA.DisposeAsync();
        await (await takingB.WaitAsync(TimeSpan.FromSeconds(10))).DisposeAsync();
    }

    [Fact]
    public async Task A_persons_lock_lost_with_its_connection_is_seen_before_the_create_and_holds_the_job()
    {
        await using var held = await _a.Get<IContactLocks>().AcquireAsync("phone:351912345679", CancellationToken.None, watched: true);
        held.ThrowIfLost();

        await TerminateAsync("richcontact locks node-a");

        ContactLockLostException? lost = null;
        await Eventually.TrueAsync(() =>
        {
            try { held.ThrowIfLost(); return false; }
            catch (ContactLockLostException error) { lost = error; return true; }
        }, "the held lock to know it was lost");
        // A database failure: the contact job is held and runs again, never recorded failed.
        Assert.True(RichContact.Engine.Storage.DatabaseFailure.Is(lost!));
        // The other node can take the person now (PostgreSQL released the lock with the connection).
        await (await _b.Get<IContactLocks>().AcquireAsync("phone:351912345679", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10))).DisposeAsync();
    }

    [Fact]
    public async Task A_websites_backfill_is_worked_by_one_node_at_a_time()
    {
        var key = BackfillJob.LockKey("website-1");
        await using (var heldByA = await _a.Get<IContactLocks>().TryAcquireAsync(key, CancellationToken.None))
        {
            Assert.NotNull(heldByA);
            Assert.Null(await _b.Get<IContactLocks>().TryAcquireAsync(key, CancellationToken.None));
            // Another website's backfill is free on B meanwhile.
            await using var other = await _b.Get<IContactLocks>().TryAcquireAsync(BackfillJob.LockKey("website-2"), CancellationToken.None);
            Assert.NotNull(other);
        }
        await using var heldByB = await _b.Get<IContactLocks>().TryAcquireAsync(key, CancellationToken.None);
        Assert.NotNull(heldByB);
    }

    [Fact]
    public async Task Activity_one_node_records_shows_once_in_every_nodes_live_feed()
    {
        var seenByA = new List<ActivityEntry>();
        var seenByB = new List<ActivityEntry>();
        _a.Get<ActivityStream>().Recorded += e => { lock (seenByA) seenByA.Add(e); };
        _b.Get<ActivityStream>().Recorded += e => { lock (seenByB) seenByB.Add(e); };

        // A feed hears what is recorded once it listens (the views read the table for what came before).
        await Eventually.TrueAsync(() => _a.Get<ActivityFeed>().IsListening && _b.Get<ActivityFeed>().IsListening, "both nodes' feeds to listen");
        Assert.True(await _a.Get<ActivityLog>().RecordAsync(new ActivityEntry { WebsiteId = "w", SessionId = "session_a", Outcome = ActivityOutcome.Created, PeopleId = "p1" }));
        Assert.True(await _b.Get<ActivityLog>().RecordAsync(new ActivityEntry { WebsiteId = "w", SessionId = "session_b", Outcome = ActivityOutcome.Skipped }));

        await Eventually.TrueAsync(() => { lock (seenByA) lock (seenByB) return seenByA.Count == 2 && seenByB.Count == 2; }, "both entries in both nodes' feeds");
        lock (seenByB)
            Assert.Equal(["session_a", "session_b"], seenByB.Select(e => e.SessionId).Order());
        lock (seenByA)
            Assert.Equal("p1", seenByA.Single(e => e.SessionId == "session_a").PeopleId);
        // A second outcome of the conversation is refused on either node (the one-outcome index).
        Assert.False(await _b.Get<ActivityLog>().RecordAsync(new ActivityEntry { WebsiteId = "w", SessionId = "session_a", Outcome = ActivityOutcome.Existing }));
    }

    /// <summary>Holds the RTM lease's row locked (as a hung holder's renewals would meet it) until disposed.</summary>
    private async Task<IAsyncDisposable> LockLeaseRowAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand($"SELECT value FROM {RichContact.Engine.Storage.Postgres.NodeTables.State} WHERE name = $1 FOR UPDATE", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = PostgresRtmLeadership.LeaseName });
        Assert.NotNull(await command.ExecuteScalarAsync());
        return new Released(async () =>
        {
            await transaction.CommitAsync();
            await connection.DisposeAsync();
        });
    }

    private sealed class Released(Func<Task> release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await release();
    }

    /// <summary>
    /// Ends the connections to this test's database whose application_name starts with <paramref name="name"/>:
    /// other test classes on the same server name their nodes alike.
    /// </summary>
    private async Task TerminateAsync(string name)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name LIKE $1 || '%' AND datname = current_database()", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        Assert.True((long)(await command.ExecuteScalarAsync())! > 0, $"no connection named {name}");
    }

    /// <summary>How pg_locks shows a 64-bit advisory key: its high and low 32 bits, as unsigned numbers.</summary>
    private static string AdvisoryKey(long key) =>
        $"{(uint)(key >> 32)}:{(uint)key}";

    private async Task<List<string>> LocksAsync()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT coalesce(classid::text, '') || ':' || coalesce(objid::text, '') FROM pg_locks WHERE locktype = 'advisory'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var locks = new List<string>();
        while (await reader.ReadAsync())
            locks.Add(reader.GetString(0));
        Assert.NotEmpty(locks);
        return locks;
    }
}
