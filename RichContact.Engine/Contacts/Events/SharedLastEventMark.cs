using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;
using RichContact.Engine.Nodes;
using RichContact.Engine.Storage.Postgres;

namespace RichContact.Engine.Contacts;

/// <summary>
/// Nodes on PostgreSQL: each node's mark is its own row of <see cref="NodeTables.State"/>
/// (<c>heard:&lt;node&gt;</c>), written by the node that heard (the RTM holder, or every node receiving Web
/// Hooks). A mark whose node is gone — stopped, killed, frozen past <see cref="NodeRegistry.AliveWithin"/>,
/// or, for the node that takes RTM, any other node — is taken over by one node in one transaction: the
/// rows are deleted and this node's own mark lowered to the earliest of them, from which it catches up.
/// The rows stay while no node takes them over: when every node was down, the first to start catches up
/// the whole outage. So the marks, together, never pass an event that a live node has not handled.
/// </summary>
internal sealed class SharedLastEventMark(NodesDatabase database, NodeIdentity node, IEnumerable<LastEventMarkHold> holds, ILogger<SharedLastEventMark> logger)
    : ILastEventMark
{
    private const string Prefix = "heard:";

    private readonly string _name = RowOf(node.Name);
    private int _startedOver;

    public DateTimeOffset? Read()
    {
        try
        {
            return MarkedEvents.Parse(database.Scalar<string>($"SELECT value FROM {NodeTables.State} WHERE name = $1", _name))?.Mark;
        }
        catch (Exception error) when (error is NpgsqlException or InvalidOperationException)
        {
            logger.LogWarning("Could not read node {Node}'s last-event mark ({ErrorType})", node.Name, error.GetType().Name);
            return null;
        }
    }

    public void Write(DateTimeOffset at)
    {
        var record = LastEventMark.Record(holds, at);
        try
        {
            database.Execute(
                $"""
                 INSERT INTO {NodeTables.State} (name, value, updated_at) VALUES ($1, $2, now())
                 ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                 """, _name, record.Format(Format));
        }
        catch (Exception error) when (error is NpgsqlException or InvalidOperationException)
        {
            logger.LogWarning("Could not write node {Node}'s last-event mark ({ErrorType})", node.Name, error.GetType().Name);
        }
    }

    public void StoppedListening() => Interlocked.Exchange(ref _startedOver, 0);

    public TakenOverMarks? TakeOver(bool everyOtherListener)
    {
        // The first time, and after a term ended (StoppedListening), this node's own row is taken over like a dead node's.
        var ownPreviousRun = Interlocked.Exchange(ref _startedOver, 1) == 0;
        try
        {
            using var connection = database.Source.OpenConnection();
            using var transaction = connection.BeginTransaction();
            var taken = new List<MarkedEvents>();
            using (var take = new NpgsqlCommand(
                $"""
                 DELETE FROM {NodeTables.State} AS s
                 WHERE s.name LIKE '{Prefix}%' AND (s.name <> $1 OR $2)
                   AND ($3 OR s.name = $1 OR NOT EXISTS (SELECT 1 FROM {NodeTables.Nodes} n
                        WHERE left('{Prefix}' || n.name, 64) = s.name AND n.heartbeat_at > now() - $4::interval))
                 RETURNING s.value
                 """, connection, transaction))
            {
                foreach (var value in new object[] { _name, ownPreviousRun, everyOtherListener, NodeRegistry.AliveWithin })
                    take.Parameters.Add(new NpgsqlParameter { Value = value });
                using var reader = take.ExecuteReader();
                while (reader.Read())
                    if (MarkedEvents.Parse(reader.GetString(0)) is { } record)
                        taken.Add(record);
            }
            if (taken.Count == 0)
            {
                transaction.Commit();
                return null;
            }
            var earliest = taken.Min(t => t.Mark);
            // Ours until caught up: dying before that hands it on. Only lowered, never moved on by a take-over
            // (the mark leads the text; the gaps taken are written with this node's next mark).
            using (var keep = new NpgsqlCommand(
                $"""
                 INSERT INTO {NodeTables.State} (name, value, updated_at) VALUES ($1, $2, now())
                 ON CONFLICT (name) DO UPDATE SET updated_at = excluded.updated_at,
                   value = CASE WHEN split_part({NodeTables.State}.value, ' ', 1)::timestamptz > excluded.value::timestamptz THEN excluded.value ELSE {NodeTables.State}.value END
                 """, connection, transaction))
            {
                keep.Parameters.Add(new NpgsqlParameter { Value = _name });
                keep.Parameters.Add(new NpgsqlParameter { Value = Format(earliest) });
                keep.ExecuteNonQuery();
            }
            transaction.Commit();
            logger.LogInformation("Node {Node} took over {Count} last-event marks of listeners gone; the earliest is {Since:O}", node.Name, taken.Count, earliest);
            return TakenOverMarks.Of(taken);
        }
        catch (Exception error) when (error is NpgsqlException or InvalidOperationException)
        {
            logger.LogWarning("Node {Node} could not take over the last-event marks of listeners gone ({ErrorType}); tried again later", node.Name, error.GetType().Name);
            if (ownPreviousRun)
                Interlocked.Exchange(ref _startedOver, 0);
            return null;
        }
    }

    /// <summary>The row of a node's mark (node_state names are 64 characters at most).</summary>
    internal static string RowOf(string nodeName) => (Prefix + nodeName) is { Length: > 64 } row ? row[..64] : Prefix + nodeName;

    /// <summary>Microseconds, as PostgreSQL's timestamptz keeps them, so that the database compares what .NET wrote.</summary>
    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
