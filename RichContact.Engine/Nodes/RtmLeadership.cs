using Medallion.Threading.Postgres;
using Microsoft.Extensions.Logging;

namespace RichContact.Engine.Nodes;

/// <summary>
/// Which node holds Crisp's RTM socket: Crisp sends each event to every socket of the plugin, so two
/// nodes connected at once would each handle it, and none connected hears nothing. On PostgreSQL the
/// holder is the node that holds an advisory lock (DistributedLock.Postgres), kept on a connection of
/// its own: a node that dies — killed, or cut off from the database — loses its connection and so the
/// lock, which another node takes within <see cref="RetryInterval"/>. The lock's connection is watched
/// (<c>HandleLostToken</c>): the moment it breaks, the term ends and the listener drops its socket, so
/// that two nodes never hold RTM for longer than the database takes to notice a dead connection.
/// With SQLite there is one process, and its term never ends.
/// </summary>
public sealed class RtmLeadership(NodesDatabase database, NodeIdentity node, ILogger<RtmLeadership> logger)
{
    /// <summary>Nodes that do not hold RTM try to take it this often.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);

    /// <summary>The advisory lock's name (hashed to PostgreSQL's 64-bit key by DistributedLock).</summary>
    internal const string LockName = "richcontact:rtm";

    private volatile bool _holds;

    /// <summary>Whether several nodes share PostgreSQL, so that RTM is held by one of them at a time.</summary>
    public bool IsShared => database.IsShared;

    /// <summary>True while this node holds RTM (always with SQLite).</summary>
    public bool HoldsRtm => !IsShared || _holds;

    /// <summary>Raised when this node takes RTM or loses it.</summary>
    public event Action? Changed;

    /// <summary>
    /// Completes when this node holds RTM: at once with SQLite; with PostgreSQL once it took the lock,
    /// trying every <see cref="RetryInterval"/> (the database being down is just one more try).
    /// </summary>
    public async Task<LeadershipTerm> TakeAsync(CancellationToken ct)
    {
        if (!IsShared)
            return LeadershipTerm.Forever;
        PostgresDistributedLock? rtmLock = null;
        var failures = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            PostgresDistributedLockHandle? handle = null;
            try
            {
                rtmLock ??= new PostgresDistributedLock(new PostgresAdvisoryLockKey(LockName, allowHashing: true),
                    await LockConnectionStringAsync(ct), options => options.UseMultiplexing(false));
                handle = await rtmLock.TryAcquireAsync(TimeSpan.Zero, ct);
                failures = 0;
            }
            catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // Once per outage, then quietly every try: the database's own failures are logged elsewhere.
                if (failures++ == 0)
                    logger.LogWarning("Node {Node} could not try for the RTM lock ({ErrorType}); trying every {Interval:0.#} s", node.Name, error.GetType().Name, RetryInterval.TotalSeconds);
            }
            if (handle is not null)
            {
                var term = new LeadershipTerm(handle, () => SetHolds(false));
                SetHolds(true);
                logger.LogInformation("Node {Node} holds RTM", node.Name);
                return term;
            }
            await Task.Delay(RetryInterval, ct);
        }
    }

    /// <summary>
    /// A pool of its own, so that the lock's connection is never one the contact jobs wait for. While
    /// the lock is held, DistributedLock watches its connection with a long <c>pg_sleep</c>; a server
    /// busy with it would notice its client's death only when the sleep ends (up to a minute), and keep
    /// the lock until then. PostgreSQL 14 and later check the client during a query every
    /// <c>client_connection_check_interval</c>: set to a second, a killed node's lock goes within a second.
    /// </summary>
    private async Task<string> LockConnectionStringAsync(CancellationToken ct)
    {
        var connectionString = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString("rtm"));
        if (await database.ScalarAsync<string>("SHOW server_version_num", ct) is { } version && int.Parse(version, System.Globalization.CultureInfo.InvariantCulture) >= 140000)
            connectionString.Options = $"{connectionString.Options} -c client_connection_check_interval=1000".Trim();
        else
            logger.LogWarning("PostgreSQL is older than 14: a node that dies holding RTM keeps it for up to a minute before another node takes over");
        return connectionString.ConnectionString;
    }

    private void SetHolds(bool holds)
    {
        if (_holds == holds)
            return;
        _holds = holds;
        if (!holds)
            logger.LogWarning("Node {Node} no longer holds RTM", node.Name);
        Changed?.Invoke();
    }
}

/// <summary>
/// The time one node holds RTM: <see cref="Lost"/> is canceled when the lock's connection breaks;
/// disposing it gives the lock up (a stopping node lets another take over at once).
/// </summary>
public sealed class LeadershipTerm : IAsyncDisposable
{
    public static readonly LeadershipTerm Forever = new(null, null);

    private readonly PostgresDistributedLockHandle? _handle;
    private readonly Action? _ended;

    internal LeadershipTerm(PostgresDistributedLockHandle? handle, Action? ended)
    {
        _handle = handle;
        _ended = ended;
        // Watching the connection runs a sleeping query on it (DistributedLock's monitoring): it fails, and
        // cancels this token, as soon as the connection breaks.
        Lost = handle?.HandleLostToken ?? CancellationToken.None;
        Lost.Register(() => _ended?.Invoke());
    }

    /// <summary>Canceled when the lock was lost; never with SQLite.</summary>
    public CancellationToken Lost { get; }

    public async ValueTask DisposeAsync()
    {
        if (_handle is null)
            return;
        _ended?.Invoke();
        try
        {
            await _handle.DisposeAsync();
        }
        catch (Exception)
        {
            // The connection is already broken: the lock went with it.
        }
    }
}
