using System.Text.Json;
using RichContact.Engine.Storage.Postgres;

namespace RichContact.Engine.Nodes;

/// <summary>
/// <see cref="IWebsiteNameShare"/> on PostgreSQL: one row of <see cref="NodeTables.State"/> per website
/// (<c>name:&lt;id&gt;</c>: the name and domain as JSON), its time the fetch's.
/// </summary>
internal sealed class PostgresWebsiteNames(NodesDatabase database) : IWebsiteNameShare
{
    private const string Prefix = "name:";

    /// <summary>The state table's names keep 64 characters; a Crisp website id is a UUID (36).</summary>
    private const int MaxIdLength = 64 - 5;

    private sealed record Stored(string? Name, string? Domain);

    public async Task<SharedWebsiteName?> ReadAsync(string websiteId, CancellationToken ct)
    {
        if (websiteId.Length > MaxIdLength)
            return null;
        await using var command = database.Source.CreateCommand($"SELECT value, updated_at FROM {NodeTables.State} WHERE name = $1");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = Prefix + websiteId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct) || JsonSerializer.Deserialize<Stored>(reader.GetString(0)) is not { } stored)
            return null;
        return new SharedWebsiteName(websiteId, stored.Name, stored.Domain, new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero));
    }

    public async Task SaveAsync(SharedWebsiteName name, CancellationToken ct)
    {
        if (name.WebsiteId.Length > MaxIdLength)
            return;
        await database.ExecuteAsync(
            $"""
             INSERT INTO {NodeTables.State} (name, value, updated_at) VALUES ($1, $2, $3)
             ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
             """, ct, Prefix + name.WebsiteId, JsonSerializer.Serialize(new Stored(name.Name, name.Domain)), name.FetchedAt.UtcDateTime);
    }
}
