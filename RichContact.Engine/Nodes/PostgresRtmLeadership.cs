using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;
using RichContact.Engine.Storage.Postgres;

namespace RichContact.Engine.Nodes;

/// <summary>
/// RTM leadership among nodes sharing PostgreSQL, as a lease (Kubernetes' leader election is the model):
/// one row of <see cref="NodeTables.State"/> (<see cref="LeaseName"/>) names the holder, its term number
/// and when the lease expires, by the database's clock. A node takes the lease when it has expired,
/// with the next term number; the holder renews it every <see cref="RetryPeriod"/> for
/// <see cref="LeaseDuration"/>. A holder that has not renewed for <see cref="RenewDeadline"/> —
/// frozen, cut off, its database slow — counts its term as ended at once, well before the lease expires
/// for the others, so two nodes never both act as the holder: another node takes over at most
/// <see cref="LeaseDuration"/> + <see cref="RetryPeriod"/> after the holder's last renewal. A holder that
/// wakes after that finds its term ended before it does anything (<see cref="LeadershipTerm.IsValid"/>,
/// on a monotonic clock), and a renewal of an expired or taken lease is refused by the row itself.
/// A restart of PostgreSQL shorter than the deadline keeps the holder: nobody else could take RTM meanwhile.
/// The lease's connections are its own pool, with TCP keepalive and <c>tcp_user_timeout</c>, and
/// every statement has a short timeout: a silent network partition ends the term within the deadline,
/// not after TCP's minutes.
/// </summary>
internal sealed class PostgresRtmLeadership(NodesDatabase database, NodeIdentity node, ILogger<PostgresRtmLeadership> logger)
    : IRtmLeadership, IAsyncDisposable
{
    /// <summary>How long a renewal keeps the lease, by the database's clock.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(8);

    /// <summary>A holder that has not renewed for this long (by its own monotonic clock) gives RTM up.</summary>
    public static readonly TimeSpan RenewDeadline = TimeSpan.FromSeconds(5);

    /// <summary>The holder renews, and the other nodes try to take the lease, this often.</summary>
    public static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(1);

    /// <summary>The lease's row in <see cref="NodeTables.State"/> (JSON: holder, term, expires_at).</summary>
    public const string LeaseName = "rtm-lease";

    /// <summary>Every statement on the lease's pool gives up after this (a partition must not hang a renewal).</summary>
    private const int StatementTimeoutSeconds = 2;

    private NpgsqlDataSource? _source;
    private Term? _term;

    public event Action? Changed;

    public bool HoldsRtm => Volatile.Read(ref _term) is { } term && Valid(term);

    public bool Holds(long term) => Volatile.Read(ref _term) is { } held && held.Number == term && Valid(held);

    public async Task<LeadershipTerm> TakeAsync(CancellationToken ct)
    {
        var failures = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var tryStarted = Stopwatch.GetTimestamp();
            long? number = null;
            try
            {
                number = await TryTakeAsync(ct);
                failures = 0;
            }
            catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // Once per outage, then quietly every try: the database's own failures are logged elsewhere.
                if (failures++ == 0)
                    logger.LogWarning("Node {Node} could not try for the RTM lease ({ErrorType}); trying every {Interval:0.#} s", node.Name, error.GetType().Name, RetryPeriod.TotalSeconds);
            }
            if (number is { } taken)
            {
                var term = new Term(taken, tryStarted);
                Volatile.Write(ref _term, term);
                logger.LogInformation("Node {Node} holds RTM (term {Term})", node.Name, taken);
                Changed?.Invoke();
                new Thread(() => Renew(term)) { IsBackground = true, Name = $"RTM lease renewal, term {taken}" }.Start();
                return new LeadershipTerm(taken, term.Ended.Token, () => Valid(term), () => ReleaseAsync(term));
            }
            await Task.Delay(RetryPeriod, ct);
        }
    }

    /// <summary>Valid until the renew deadline passed since the last renewal began; ends it when it has.</summary>
    private bool Valid(Term term)
    {
        if (term.Ended.IsCancellationRequested)
            return false;
        if (Stopwatch.GetElapsedTime(Interlocked.Read(ref term.RenewedAt)) < RenewDeadline)
            return true;
        End(term, $"not renewed for {RenewDeadline.TotalSeconds:0} s");
        return false;
    }

    /// <summary>
    /// On a thread of its own, with synchronous calls: a thread pool kept busy by other work (the contact
    /// jobs' synchronous job-storage calls after a take-over) must not hold a renewal back past
    /// <see cref="RenewDeadline"/> and end a healthy term (seen: a new holder lost its term that way).
    /// </summary>
    private void Renew(Term term)
    {
        var failing = false;
        while (!term.Ended.Token.WaitHandle.WaitOne(RetryPeriod))
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var command = _source!.CreateCommand(
                    $"""
                     UPDATE {NodeTables.State}
                     SET value = json_build_object('holder', $2::text, 'term', $3::bigint, 'expires_at', clock_timestamp() + $4::interval)::text, updated_at = clock_timestamp()
                     WHERE name = $1 AND value::jsonb->>'holder' = $2 AND (value::jsonb->>'term')::bigint = $3
                       AND (value::jsonb->>'expires_at')::timestamptz > clock_timestamp()
                     """);
                Add(command, LeaseName, node.Name, term.Number, LeaseDuration);
                if (command.ExecuteNonQuery() == 1)
                {
                    Interlocked.Exchange(ref term.RenewedAt, started);
                    failing = false;
                }
                else
                {
                    End(term, "its lease expired or another node took it");
                    return;
                }
            }
            catch (Exception error) when (!term.Ended.IsCancellationRequested)
            {
                if (!failing)
                    logger.LogWarning("Node {Node} could not renew its RTM lease ({ErrorType}); it gives RTM up if this lasts {Deadline:0} s", node.Name, error.GetType().Name, RenewDeadline.TotalSeconds);
                failing = true;
            }
            catch (Exception)
            {
                return; // the term ended meanwhile
            }
            Valid(term); // ends it once the deadline passed
        }
    }

    private async Task<long?> TryTakeAsync(CancellationToken ct)
    {
        await using var command = (await SourceAsync(ct)).CreateCommand(
            $"""
             INSERT INTO {NodeTables.State} (name, value, updated_at)
             VALUES ($1, json_build_object('holder', $2::text, 'term', 1, 'expires_at', clock_timestamp() + $3::interval)::text, clock_timestamp())
             ON CONFLICT (name) DO UPDATE
             SET value = json_build_object('holder', $2::text, 'term', ({NodeTables.State}.value::jsonb->>'term')::bigint + 1,
                                           'expires_at', clock_timestamp() + $3::interval)::text,
                 updated_at = clock_timestamp()
             WHERE ({NodeTables.State}.value::jsonb->>'expires_at')::timestamptz <= clock_timestamp()
             RETURNING (value::jsonb->>'term')::bigint
             """);
        Add(command, LeaseName, node.Name, LeaseDuration);
        return await command.ExecuteScalarAsync(ct) is long term ? term : null;
    }

    /// <summary>A stopping holder expires its lease at once, so that another node takes over within a second.</summary>
    private async ValueTask ReleaseAsync(Term term)
    {
        var wasValid = !term.Ended.IsCancellationRequested;
        End(term, null);
        if (!wasValid)
            return;
        try
        {
            await ExecuteAsync(
                $"""
                 UPDATE {NodeTables.State}
                 SET value = json_build_object('holder', $2::text, 'term', $3::bigint, 'expires_at', clock_timestamp())::text, updated_at = clock_timestamp()
                 WHERE name = $1 AND value::jsonb->>'holder' = $2 AND (value::jsonb->>'term')::bigint = $3
                 """, CancellationToken.None, LeaseName, node.Name, term.Number);
        }
        catch (Exception error)
        {
            logger.LogDebug("Node {Node} could not give its RTM lease up ({ErrorType}); it expires", node.Name, error.GetType().Name);
        }
    }

    private void End(Term term, string? why)
    {
        if (Interlocked.Exchange(ref term.EndedFlag, 1) == 1)
            return;
        Interlocked.CompareExchange(ref _term, null, term);
        if (why is not null)
            logger.LogWarning("Node {Node} no longer holds RTM (term {Term}: {Why})", node.Name, term.Number, why);
        else
            logger.LogInformation("Node {Node} no longer holds RTM (term {Term} given up)", node.Name, term.Number);
        term.Ended.Cancel();
        Changed?.Invoke();
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken ct, params object[] parameters)
    {
        await using var command = (await SourceAsync(ct)).CreateCommand(sql);
        Add(command, parameters);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static void Add(NpgsqlCommand command, params object[] parameters)
    {
        foreach (var value in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
    }

    /// <summary>
    /// A pool of its own, so that the lease never waits behind the contact jobs' connections. TCP keepalive
    /// every second, and the server drops a connection whose data goes unacknowledged for 3 s
    /// (<c>tcp_user_timeout</c>, PostgreSQL 12 and later).
    /// </summary>
    private async Task<NpgsqlDataSource> SourceAsync(CancellationToken ct)
    {
        if (_source is { } source)
            return source;
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString("rtm"))
        {
            Timeout = 3,
            CommandTimeout = StatementTimeoutSeconds,
            CancellationTimeout = 1000,
            TcpKeepAlive = true,
            TcpKeepAliveTime = 1,
            TcpKeepAliveInterval = 1,
            KeepAlive = 1,
        };
        if (await database.ScalarAsync<string>("SHOW server_version_num", ct) is { } version && int.Parse(version, CultureInfo.InvariantCulture) >= 120000)
            builder.Options = $"{builder.Options} -c tcp_user_timeout=3000".Trim();
        var created = NpgsqlDataSource.Create(builder.ConnectionString);
        if (Interlocked.CompareExchange(ref _source, created, null) is { } other)
        {
            await created.DisposeAsync();
            return other;
        }
        return created;
    }

    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _term) is { } term)
            await ReleaseAsync(term);
        if (_source is { } source)
            await source.DisposeAsync();
    }

    /// <summary>One term this node holds.</summary>
    private sealed class Term(long number, long renewedAt)
    {
        public long Number { get; } = number;

        /// <summary>Stopwatch timestamp at which the last successful renewal (or the take) was sent.</summary>
        public long RenewedAt = renewedAt;

        public int EndedFlag;

        public CancellationTokenSource Ended { get; } = new();
    }
}
