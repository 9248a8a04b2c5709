using RichContact.Engine.Storage.Postgres;

namespace RichContact.Engine.Nodes;

/// <summary>
/// <see cref="IHookSignatures"/> of several nodes: the Web Hooks deliveries taken lately, shared by all nodes on PostgreSQL (<see cref="NodeTables.HookSignatures"/>):
/// Crisp may send a delivery it thinks failed again, to whichever node the proxy picks, and only the
/// first node to insert its signature handles it. Rows expire after the time a delivery stays fresh
/// (a repeat older than that is refused as stale before it gets here); expired rows are deleted now
/// and then by whichever node inserts.
/// </summary>
internal sealed class TakenHookSignatures(NodesDatabase database, TimeProvider clock) : IHookSignatures
{
    /// <summary>Expired rows are deleted at most this often per node.</summary>
    internal static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(1);

    private long _purgedAtTicks;

    /// <summary>True when this call took the signature (no node took it within <paramref name="keepFor"/>).</summary>
    public async Task<bool> TryTakeAsync(string signature, TimeSpan keepFor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await PurgeNowAndThenAsync(now, ct);
        // An expired row of the same signature is taken over: the update only applies when it expired.
        var taken = await database.ExecuteAsync(
            $"""
             INSERT INTO {NodeTables.HookSignatures} AS t (signature, expires_at) VALUES ($1, $2)
             ON CONFLICT (signature) DO UPDATE SET expires_at = excluded.expires_at WHERE t.expires_at <= $3
             """, ct, signature, (now + keepFor).UtcDateTime, now.UtcDateTime);
        return taken == 1;
    }

    private async Task PurgeNowAndThenAsync(DateTimeOffset now, CancellationToken ct)
    {
        var last = Interlocked.Read(ref _purgedAtTicks);
        if (now.UtcTicks - last < PurgeInterval.Ticks || Interlocked.CompareExchange(ref _purgedAtTicks, now.UtcTicks, last) != last)
            return;
        await database.ExecuteAsync($"DELETE FROM {NodeTables.HookSignatures} WHERE expires_at <= $1", ct, now.UtcDateTime);
    }
}
