using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using RichContact.Engine.Crisp;
using RichContact.Engine.Storage.Postgres;

namespace RichContact.Engine.Nodes;

/// <summary>
/// <see cref="IRecentContactStore"/> of several nodes: one row of <see cref="NodeTables.State"/> per
/// entry (<c>recent:&lt;keyed hash&gt;</c>, the people id), its time the row's. The key is derived from
/// the plugin key, which every node has and the database does not: the rows cannot be matched to a phone
/// without it. Rows older than <see cref="Kept"/> are deleted now and then by whichever node writes.
/// </summary>
internal sealed class PostgresRecentContacts(NodesDatabase database, IOptions<CrispOptions> options, TimeProvider clock) : IRecentContactStore
{
    private const string Prefix = "recent:";

    public static readonly TimeSpan Kept = ProcessRecentContacts.Kept;

    private static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(1);

    private long _purgedAtTicks;

    /// <summary>Without a plugin token there are no contacts to remember: a key of this process then does.</summary>
    public byte[] Key { get; } = options.Value.Key is { Length: > 0 } pluginKey
        ? HMACSHA256.HashData(Encoding.UTF8.GetBytes(pluginKey), "richcontact recent contacts"u8)
        : RandomNumberGenerator.GetBytes(32);

    public string? Find(IReadOnlyList<string> keys, TimeSpan remembered) =>
        database.Scalar<string>($"SELECT value FROM {NodeTables.State} WHERE name = ANY($1) AND updated_at > $2 ORDER BY updated_at DESC LIMIT 1",
            keys.Select(k => Prefix + k).ToArray(), (clock.GetUtcNow() - remembered).UtcDateTime);

    public void Remember(IReadOnlyList<string> keys, string peopleId)
    {
        var now = clock.GetUtcNow();
        database.Execute(
            $"""
             INSERT INTO {NodeTables.State} (name, value, updated_at) SELECT n, $2, $3 FROM unnest($1::text[]) AS t(n)
             ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
             """, keys.Select(k => Prefix + k).ToArray(), peopleId, now.UtcDateTime);
        var last = Interlocked.Read(ref _purgedAtTicks);
        if (now.UtcTicks - last >= PurgeInterval.Ticks && Interlocked.CompareExchange(ref _purgedAtTicks, now.UtcTicks, last) == last)
            database.Execute($"DELETE FROM {NodeTables.State} WHERE name LIKE 'recent:%' AND updated_at < $1", (now - Kept).UtcDateTime);
    }

    public void Forget(IReadOnlyList<string> keys) =>
        database.Execute($"DELETE FROM {NodeTables.State} WHERE name = ANY($1)", (object)keys.Select(k => Prefix + k).ToArray());
}
