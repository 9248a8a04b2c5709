using System.Diagnostics;
using Npgsql;

namespace RichContact.Web.Tests.Reliability;

/// <summary>What the nodes recorded in PostgreSQL, read the way an operator would: plain SQL on the activity table.</summary>
internal static class NodesActivity
{
    /// <summary>Every outcome entry (one per conversation at most), or null while the database does not answer or has no table yet.</summary>
    public static async Task<List<(string SessionId, string Outcome)>?> OutcomesAsync(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5 }.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                """SELECT "SessionId", "Outcome" FROM activity WHERE "Outcome" IN ('Created', 'Existing', 'Skipped', 'WouldCreate')""", connection);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<(string, string)>();
            while (await reader.ReadAsync())
                rows.Add((reader.GetString(0), reader.GetString(1)));
            return rows;
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException)
        {
            return null;
        }
    }

    /// <summary>
    /// Waits until every conversation has its outcome; a second outcome could not come later (the
    /// one-outcome index). Past <paramref name="timeout"/> it fails naming the missing ones, with <paramref name="context"/> (the nodes' output).
    /// </summary>
    public static async Task<List<(string SessionId, string Outcome)>> AllDecidedAsync(string connectionString, IReadOnlyCollection<string> sessions,
        TimeSpan timeout, Func<string> context)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var entries = await OutcomesAsync(connectionString) ?? [];
            if (sessions.All(s => entries.Any(e => e.SessionId == s)))
                return entries;
            Assert.True(waited.Elapsed < timeout,
                $"{entries.Count} of {sessions.Count} conversations decided; missing {string.Join(", ", sessions.Where(s => entries.All(e => e.SessionId != s)))}:\n{context()}");
            await Task.Delay(200);
        }
    }
}
