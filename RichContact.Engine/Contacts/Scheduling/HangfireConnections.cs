using Hangfire.Storage.SQLite;
using SQLite;

namespace RichContact.Engine.Contacts;

/// <summary>
/// Connections to hangfire.db as Hangfire.Storage.SQLite opens them by default, plus
/// <c>synchronous = NORMAL</c>. The storage commits every command on its own, and with SQLite's
/// default (FULL) each commit waits for an fsync: about a dozen per conversation, which the
/// benchmark showed to be the engine's first limit (BENCHMARKS.md, "What limits it" 1). In WAL mode
/// NORMAL keeps the database consistent and loses nothing when the process is killed; only a power
/// cut can lose the last commits.
/// </summary>
internal static class HangfireConnections
{
    public static SQLiteDbConnectionFactory Factory(string path) => new(() =>
    {
        var connection = new SQLiteConnection(path, SQLiteOpenFlags.ReadWrite | SQLiteOpenFlags.Create | SQLiteOpenFlags.NoMutex,
            storeDateTimeAsTicks: true)
        {
            BusyTimeout = TimeSpan.FromSeconds(10),
        };
        connection.ExecuteScalar<string>("PRAGMA synchronous = NORMAL");
        return connection;
    });
}
