using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using RichContact.Engine.Nodes;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Activity;

/// <summary>
/// <see cref="IActivityFeed"/> of several nodes on PostgreSQL: every node's live feed shows every node's
/// activity. <see cref="ActivityLog"/> raises its own entries in its own process (<see cref="ActivityStream"/>);
/// through this it also sends, in the insert's transaction, a NOTIFY on <see cref="Channel"/> whose payload is the recording node's name
/// and the entry's id — nothing personal, nothing the row does not already say. Each node LISTENs on a
/// connection of its own, loads the entries other nodes recorded, and raises them in its process.
/// After the connection broke (the database restarted), it listens again and raises what was recorded
/// meanwhile, so that open views catch up.
/// </summary>
internal sealed class ActivityFeed(NodesDatabase database, NodeIdentity node, IDbContextFactory<RichContactDb> dbFactory, ActivityStream stream,
    TimeProvider clock, ILogger<ActivityFeed> logger) : BackgroundService, IActivityFeed
{
    public const string Channel = "richcontact_activity";

    /// <summary>After a broken connection, this first, doubling up to <see cref="MaxRetryDelay"/>.</summary>
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>Entries raised after a reconnect at most: views reload on any of them.</summary>
    private const int MaxCatchUp = 500;

    private readonly Channel<long> _recorded = System.Threading.Channels.Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
    private long _lastSeenId;

    /// <summary>True while this node LISTENs: other nodes' entries recorded from then on reach its stream.</summary>
    public bool IsListening => Volatile.Read(ref _listening);

    private bool _listening;

    /// <summary>What is notified for an entry this node recorded: this node's name and the id.</summary>
    public string Payload(long id) => $"{node.Name}|{id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The NOTIFY is sent at commit, with the entry: other nodes never hear of a row they cannot load.</summary>
    public async Task SaveAsync(RichContactDb db, ActivityEntry entry, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {Payload(entry.Id)})", ct);
        await transaction.CommitAsync(ct);
        Seen(entry.Id);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var raising = RaiseAsync(stoppingToken);
        var failures = 0;
        var connectedBefore = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(catchUp: connectedBefore, () => { failures = 0; connectedBefore = true; Volatile.Write(ref _listening, true); }, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception error)
            {
                Volatile.Write(ref _listening, false);
                failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(RetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 10)), MaxRetryDelay.TotalMilliseconds));
                if (failures == 1)
                    logger.LogWarning("The live feed lost its PostgreSQL connection ({ErrorType}): other nodes' activity shows again once it is back; trying again in {Delay:0.#} s",
                        error.GetType().Name, delay.TotalSeconds);
                try { await Task.Delay(delay, clock, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
        _recorded.Writer.TryComplete();
        await raising;
    }

    private async Task ListenAsync(bool catchUp, Action listening, CancellationToken ct)
    {
        // Not pooled: LISTEN belongs to this session, and a pooled connection is reset when returned.
        // Keepalive: a connection that silently died ends WaitAsync instead of waiting forever.
        var settings = new NpgsqlConnectionStringBuilder(database.ConnectionString("feed")) { Pooling = false, KeepAlive = 10 };
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(ct);
        connection.Notification += (_, e) =>
        {
            // On the reading thread: only take the id; rows are loaded by RaiseAsync.
            var separator = e.Payload.LastIndexOf('|');
            if (separator > 0 && e.Payload.AsSpan(0, separator).SequenceEqual(node.Name)) // raised in its own process already
                return;
            if (long.TryParse(e.Payload.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                _recorded.Writer.TryWrite(id);
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
            await listen.ExecuteNonQueryAsync(ct);
        listening();
        if (catchUp)
            await RaiseSinceAsync(Interlocked.Read(ref _lastSeenId), ct);
        else
            await RememberNewestAsync(ct);
        while (true)
            await connection.WaitAsync(ct);
    }

    private async Task RaiseAsync(CancellationToken ct)
    {
        var ids = new List<long>();
        try
        {
            while (await _recorded.Reader.WaitToReadAsync(ct))
            {
                ids.Clear();
                while (ids.Count < 100 && _recorded.Reader.TryRead(out var id))
                    ids.Add(id);
                try
                {
                    await using var db = await dbFactory.CreateDbContextAsync(ct);
                    Raise(await db.Activity.AsNoTracking().Where(e => ids.Contains(e.Id)).OrderBy(e => e.Id).ToListAsync(ct));
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // The entries are in the database; views show them at their next reload.
                    logger.LogDebug("Could not load {Count} activity entries other nodes recorded ({ErrorType})", ids.Count, error.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task RaiseSinceAsync(long lastSeen, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        Raise(await db.Activity.AsNoTracking().Where(e => e.Id > lastSeen).OrderByDescending(e => e.Id).Take(MaxCatchUp).OrderBy(e => e.Id).ToListAsync(ct));
    }

    private async Task RememberNewestAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        Seen(await db.Activity.MaxAsync(e => (long?)e.Id, ct) ?? 0);
    }

    private void Raise(List<ActivityEntry> entries)
    {
        foreach (var entry in entries)
        {
            Seen(entry.Id);
            stream.PublishFromAnotherNode(entry);
        }
    }

    /// <summary>Also told of this node's own entries (<see cref="ActivityLog"/>), so that a catch-up starts after them.</summary>
    internal void Seen(long id)
    {
        long last;
        while ((last = Interlocked.Read(ref _lastSeenId)) < id && Interlocked.CompareExchange(ref _lastSeenId, id, last) != last)
        {
        }
    }
}
