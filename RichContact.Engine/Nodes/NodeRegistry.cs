using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RichContact.Engine.Storage.Postgres;

namespace RichContact.Engine.Nodes;

/// <summary>
/// <see cref="INodeRegistry"/> of several nodes: the nodes sharing PostgreSQL, for the portal. Each node writes its row of <see cref="NodeTables.Nodes"/>
/// every <see cref="BeatInterval"/> and at once when it takes or loses RTM; a node whose row is older
/// than <see cref="AliveWithin"/> is gone (killed, or cut off). A node that stops deletes its row.
/// </summary>
public sealed class NodeRegistry(NodesDatabase database, NodeIdentity node, IRtmLeadership leadership, TimeProvider clock, ILogger<NodeRegistry> logger)
    : BackgroundService, INodeRegistry
{
    public static readonly TimeSpan BeatInterval = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan AliveWithin = TimeSpan.FromSeconds(20);

    /// <summary>Rows of nodes gone this long are deleted (a node renamed, or a machine replaced).</summary>
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(1);

    private readonly DateTime _startedAt = clock.GetUtcNow().UtcDateTime;
    private readonly SemaphoreSlim _beat = new(0, 1);

    public bool ListsNodes => true;

    public string NodeName => node.Name;

    /// <summary>The nodes alive now, by name; <see cref="NodeInfo.HoldsRtm"/> tells which one holds RTM.</summary>
    public async Task<IReadOnlyList<NodeInfo>> AliveAsync(CancellationToken ct)
    {
        await using var command = database.Source.CreateCommand(
            $"SELECT name, holds_rtm, heartbeat_at FROM {NodeTables.Nodes} WHERE heartbeat_at > $1 ORDER BY name");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = (clock.GetUtcNow() - AliveWithin).UtcDateTime });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var nodes = new List<NodeInfo>();
        while (await reader.ReadAsync(ct))
            nodes.Add(new NodeInfo(reader.GetString(0), reader.GetBoolean(1), new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero)));
        return nodes;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        leadership.Changed += BeatSoon;
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await BeatAsync(stoppingToken);
                failing = false;
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                if (!failing)
                    logger.LogWarning("Node {Node} could not write its heartbeat ({ErrorType}); the portal may not list it until the database answers", node.Name, error.GetType().Name);
                failing = true;
            }
            try { await _beat.WaitAsync(BeatInterval, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
        leadership.Changed -= BeatSoon;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await database.ExecuteAsync($"DELETE FROM {NodeTables.Nodes} WHERE name = $1", cancellationToken, node.Name);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogDebug("Node {Node} could not delete its row at shutdown ({ErrorType}); it ages out", node.Name, error.GetType().Name);
        }
    }

    private void BeatSoon()
    {
        if (_beat.CurrentCount == 0)
        {
            try { _beat.Release(); }
            catch (SemaphoreFullException) { /* a beat is coming anyway */ }
        }
    }

    private async Task BeatAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await database.ExecuteAsync(
            $"""
             INSERT INTO {NodeTables.Nodes} (name, started_at, heartbeat_at, holds_rtm) VALUES ($1, $2, $3, $4)
             ON CONFLICT (name) DO UPDATE SET started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at, holds_rtm = excluded.holds_rtm
             """, ct, node.Name, _startedAt, now, leadership.HoldsRtm);
        // A node that took RTM says so alone: one whose row still claims it was killed before it could say otherwise.
        if (leadership.HoldsRtm)
            await database.ExecuteAsync($"UPDATE {NodeTables.Nodes} SET holds_rtm = false WHERE name <> $1 AND holds_rtm", ct, node.Name);
        await database.ExecuteAsync($"DELETE FROM {NodeTables.Nodes} WHERE heartbeat_at < $1", ct, now - ForgetAfter);
    }
}
