using RichContact.Engine.Storage.Postgres;

namespace RichContact.Engine.Nodes;

/// <summary>
/// <see cref="IRouteRefusals"/> on PostgreSQL: one row of <see cref="NodeTables.State"/> per refused route
/// and website (<c>refused:&lt;route&gt;:&lt;id&gt;</c>), its time the end of the pause.
/// </summary>
public sealed class PostgresRouteRefusals(NodesDatabase database) : IRouteRefusals
{
    /// <summary>The state table's names keep 64 characters.</summary>
    private const int MaxNameLength = 64;

    private static string Name(string websiteId, string route) => $"refused:{route}:{websiteId}";

    public async Task<DateTimeOffset?> PausedUntilAsync(string websiteId, string route, CancellationToken ct)
    {
        var name = Name(websiteId, route);
        if (name.Length > MaxNameLength)
            return null;
        return await database.ScalarAsync<DateTime>($"SELECT updated_at FROM {NodeTables.State} WHERE name = $1", ct, name) is { } until && until != default
            ? new DateTimeOffset(DateTime.SpecifyKind(until, DateTimeKind.Utc))
            : null;
    }

    public async Task PauseAsync(string websiteId, string route, DateTimeOffset until, CancellationToken ct)
    {
        var name = Name(websiteId, route);
        if (name.Length > MaxNameLength)
            return;
        await database.ExecuteAsync(
            $"""
             INSERT INTO {NodeTables.State} (name, value, updated_at) VALUES ($1, '', $2)
             ON CONFLICT (name) DO UPDATE SET updated_at = excluded.updated_at
             """, ct, name, until.UtcDateTime);
    }

    public Task ClearAsync(string websiteId, string route, CancellationToken ct) =>
        database.ExecuteAsync($"DELETE FROM {NodeTables.State} WHERE name = $1", ct, Name(websiteId, route));
}
