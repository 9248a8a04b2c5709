using RichContact.Engine.Storage.Postgres;

namespace RichContact.Engine.Nodes;

/// <summary>
/// <see cref="IRequestCount"/> of several nodes: the day's Crisp request count that all nodes share on PostgreSQL (<see cref="NodeTables.Budget"/>):
/// Crisp's quota is the plugin's, not a node's, so every node spends from one row per UTC day. Taking
/// one request is a single atomic statement that refuses beyond the limit, however many nodes ask at once.
/// </summary>
internal sealed class SharedRequestCount(NodesDatabase database) : IRequestCount
{
    /// <summary>Takes one request of <paramref name="day"/>'s budget: the count after it, or null when <paramref name="limit"/> was reached.</summary>
    public async ValueTask<int?> TryTakeAsync(DateOnly day, int limit, CancellationToken ct)
    {
        if (limit <= 0)
            return null;
        // The insert takes the day's first request; the update the next ones, and only below the
        // limit: a refused update returns no row. Row-locked, so concurrent nodes count every request once.
        var used = await database.ScalarAsync<int?>(
            $"""
             INSERT INTO {NodeTables.Budget} AS b (day, used) VALUES ($1, 1)
             ON CONFLICT (day) DO UPDATE SET used = b.used + 1 WHERE b.used < $2
             RETURNING used
             """, ct, day, limit);
        return used;
    }

    /// <summary>Requests all nodes sent on <paramref name="day"/>.</summary>
    public async ValueTask<int> ReadAsync(DateOnly day, CancellationToken ct) =>
        await database.ScalarAsync<int?>($"SELECT used FROM {NodeTables.Budget} WHERE day = $1", ct, day) ?? 0;
}
