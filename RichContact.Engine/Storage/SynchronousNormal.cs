using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RichContact.Engine.Storage;

/// <summary>
/// <c>PRAGMA synchronous = NORMAL</c> on every connection to richcontact.db (the setting is per
/// connection). The database is WAL (a migration sets it), where SQLite's default, FULL, waits for an
/// fsync at every commit: one per activity entry, which capped the engine near a hundred outcomes
/// a second on this disk (BENCHMARKS.md). NORMAL keeps the database consistent and loses nothing
/// when the process is killed; only a power cut can lose the last commits, as for hangfire.db.
/// </summary>
internal sealed class SynchronousNormal : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous = NORMAL";
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous = NORMAL";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
