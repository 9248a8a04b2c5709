using System.Globalization;
using Npgsql;
using RichContact.Engine.Storage.Postgres;

namespace RichContact.Engine.Nodes;

/// <summary>
/// <see cref="IWebsiteListShare"/> on PostgreSQL: one row of <see cref="NodeTables.State"/> per website
/// (<c>website:&lt;id&gt;</c>, its token's hash), a row that says a node listed them all
/// (<see cref="ListedRow"/>), and a row whose time is the last refresh a miss claimed
/// (<see cref="RefreshRow"/>: claimed by one conditional upsert, so two nodes never both refresh).
/// </summary>
internal sealed class PostgresWebsiteList(NodesDatabase database, IStateChanges changes, TimeProvider clock) : IWebsiteListShare
{
    internal const string Prefix = "website:";
    internal const string ListedRow = "websites.listed";
    internal const string RefreshRow = "websites.refreshed";

    /// <summary>The state table's names keep 64 characters; a Crisp website id is a UUID (36).</summary>
    private const int MaxIdLength = 64 - 8;

    public async Task<IReadOnlyDictionary<string, string>?> ReadAsync(CancellationToken ct)
    {
        await using var command = database.Source.CreateCommand(
            $"SELECT name, value FROM {NodeTables.State} WHERE name LIKE 'website:%' OR name = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = ListedRow });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var websites = new Dictionary<string, string>(StringComparer.Ordinal);
        var listed = false;
        while (await reader.ReadAsync(ct))
        {
            var name = reader.GetString(0);
            if (name == ListedRow)
                listed = true;
            else
                websites[name[Prefix.Length..]] = reader.GetString(1);
        }
        return listed ? websites : null;
    }

    public async Task SaveAsync(IReadOnlyDictionary<string, string?> websites, bool all, CancellationToken ct)
    {
        var kept = websites.Where(w => w.Value is not null && w.Key.Length <= MaxIdLength).ToList();
        var names = kept.Select(w => Prefix + w.Key).ToArray();
        await using (var connection = await database.Source.OpenConnectionAsync(ct))
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            if (all)
                await ExecuteAsync(connection, $"DELETE FROM {NodeTables.State} WHERE name LIKE 'website:%' AND NOT (name = ANY($1))", ct, (object)names);
            else
                await ExecuteAsync(connection, $"DELETE FROM {NodeTables.State} WHERE name = ANY($1)", ct,
                    (object)websites.Where(w => w.Value is null).Select(w => Prefix + w.Key).ToArray());
            await ExecuteAsync(connection,
                $"""
                 INSERT INTO {NodeTables.State} (name, value, updated_at) SELECT n, v, now() FROM unnest($1::text[], $2::text[]) AS t(n, v)
                 ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                 """, ct, names, kept.Select(w => w.Value!).ToArray());
            if (all)
                await ExecuteAsync(connection,
                    $"INSERT INTO {NodeTables.State} (name, value, updated_at) VALUES ($1, '', now()) ON CONFLICT (name) DO UPDATE SET updated_at = excluded.updated_at", ct, ListedRow);
            await transaction.CommitAsync(ct);
        }
        await changes.AnnounceAsync(IWebsiteListShare.ChangeTopic, all || websites.Count != 1 ? IWebsiteListShare.AllWebsites : websites.Keys.Single(), ct);
    }

    public async Task<DateTimeOffset?> TryClaimRefreshAsync(TimeSpan interval, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // The update keeps the previous claim's time in value (RETURNING sees the new row only).
        var previous = await database.ScalarAsync<string>(
            $"""
             INSERT INTO {NodeTables.State} AS s (name, value, updated_at) VALUES ($1, '', $2)
             ON CONFLICT (name) DO UPDATE SET value = extract(epoch FROM s.updated_at)::text, updated_at = excluded.updated_at
             WHERE s.updated_at <= $3
             RETURNING value
             """, ct, RefreshRow, now.UtcDateTime, (now - interval).UtcDateTime);
        if (previous is null)
            return null;
        return double.TryParse(previous, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000))
            : DateTimeOffset.MinValue;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync(ct);
    }
}
