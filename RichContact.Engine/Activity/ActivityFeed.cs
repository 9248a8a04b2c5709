using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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

    /// <summary>Entries raised after a reconnect at most: views reload on any of them.</summary>
    private const int MaxCatchUp = 500;

    private readonly Channel<long> _recorded = System.Threading.Channels.Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
    private readonly PostgresListener _listener = new(database, Channel, "feed", clock);
    private long _lastSeenId;

    /// <summary>True while this node LISTENs: other nodes' entries recorded from then on reach its stream.</summary>
    public bool IsListening => _listener.IsListening;

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
        var connectedBefore = false;
        await _listener.RunAsync(Heard,
            async ct =>
            {
                // Back after a break: raise what was recorded meanwhile, so that open views catch up.
                if (connectedBefore)
                    await RaiseSinceAsync(Interlocked.Read(ref _lastSeenId), ct);
                else
                    await RememberNewestAsync(ct);
                connectedBefore = true;
            },
            (error, delay) => logger.LogWarning(
                "The live feed lost its PostgreSQL connection ({ErrorType}): other nodes' activity shows again once it is back; trying again in {Delay:0.#} s",
                error.GetType().Name, delay.TotalSeconds),
            stoppingToken);
        _recorded.Writer.TryComplete();
        await raising;
    }

    /// <summary>On the connection's reading thread: only takes the id; rows are loaded by <see cref="RaiseAsync"/>.</summary>
    private void Heard(string payload)
    {
        var separator = payload.LastIndexOf('|');
        if (separator > 0 && payload.AsSpan(0, separator).SequenceEqual(node.Name)) // raised in its own process already
            return;
        if (long.TryParse(payload.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            _recorded.Writer.TryWrite(id);
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
