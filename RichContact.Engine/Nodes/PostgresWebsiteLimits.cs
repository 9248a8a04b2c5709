using System.Text.Json;
using RichContact.Engine.Storage.Postgres;

namespace RichContact.Engine.Nodes;

/// <summary>
/// <see cref="IWebsiteLimits"/> on PostgreSQL: one row of <see cref="NodeTables.State"/> per limited
/// website (<c>limit:&lt;id&gt;</c>: Crisp's reason code and the first refusal's time as JSON), its time
/// the next attempt's. Taking the attempt is one conditional update, so one node only gets it.
/// </summary>
public sealed class PostgresWebsiteLimits(NodesDatabase database) : IWebsiteLimits
{
    private const string Prefix = "limit:";

    /// <summary>The state table's names keep 64 characters; a Crisp website id is a UUID (36).</summary>
    private const int MaxIdLength = 64 - 6;

    private sealed record Stored(string Reason, DateTimeOffset Since);

    public async Task<WebsiteLimit?> GetAsync(string websiteId, CancellationToken ct)
    {
        if (websiteId.Length > MaxIdLength)
            return null;
        await using var command = database.Source.CreateCommand($"SELECT name, value, updated_at FROM {NodeTables.State} WHERE name = $1");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = Prefix + websiteId });
        return (await ReadAsync(command, ct)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<WebsiteLimit>> AllAsync(CancellationToken ct)
    {
        await using var command = database.Source.CreateCommand($"SELECT name, value, updated_at FROM {NodeTables.State} WHERE name LIKE 'limit:%' ORDER BY name");
        return await ReadAsync(command, ct);
    }

    public async Task SetAsync(string websiteId, string reason, DateTimeOffset at, DateTimeOffset nextAttemptAt, CancellationToken ct)
    {
        if (websiteId.Length > MaxIdLength)
            return;
        // The first refusal's time stays: the banner says since when creates have stopped.
        await database.ExecuteAsync(
            $$"""
             INSERT INTO {{NodeTables.State}} (name, value, updated_at) VALUES ($1, $2, $3)
             ON CONFLICT (name) DO UPDATE SET updated_at = excluded.updated_at,
               value = jsonb_set(excluded.value::jsonb, '{Since}', {{NodeTables.State}}.value::jsonb -> 'Since')::text
             """, ct, Prefix + websiteId, JsonSerializer.Serialize(new Stored(reason, at)), nextAttemptAt.UtcDateTime);
    }

    public async Task<bool> TryTakeAttemptAsync(string websiteId, DateTimeOffset now, DateTimeOffset next, CancellationToken ct) =>
        websiteId.Length <= MaxIdLength && await database.ExecuteAsync(
            $"UPDATE {NodeTables.State} SET updated_at = $3 WHERE name = $1 AND updated_at <= $2", ct,
            Prefix + websiteId, now.UtcDateTime, next.UtcDateTime) == 1;

    public Task SetNextAttemptAsync(string websiteId, DateTimeOffset at, CancellationToken ct) =>
        database.ExecuteAsync($"UPDATE {NodeTables.State} SET updated_at = $2 WHERE name = $1", ct, Prefix + websiteId, at.UtcDateTime);

    public Task LiftAsync(string websiteId, CancellationToken ct) =>
        database.ExecuteAsync($"DELETE FROM {NodeTables.State} WHERE name = $1", ct, Prefix + websiteId);

    private static async Task<IReadOnlyList<WebsiteLimit>> ReadAsync(Npgsql.NpgsqlCommand command, CancellationToken ct)
    {
        var limits = new List<WebsiteLimit>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (JsonSerializer.Deserialize<Stored>(reader.GetString(1)) is { } stored)
                limits.Add(new WebsiteLimit(reader.GetString(0)[Prefix.Length..], stored.Reason, stored.Since,
                    new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc))));
        }
        return limits;
    }
}
