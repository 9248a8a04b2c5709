using Npgsql;

namespace RichContact.Engine.Storage.Postgres;

/// <summary>
/// The PostgreSQL failures that mean "the database is unavailable for now" — the server refuses or
/// drops connections, restarts, is out of resources, or answers too late — as opposed to a bug in a
/// query. <see cref="DatabaseFailure"/> treats them as SQLite's locked or full file: contact jobs are
/// held and run again, nothing is recorded as failed.
/// </summary>
internal static class PostgresFailure
{
    public static bool IsUnavailable(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return IsUnavailableState(postgres.SqlState) || postgres.IsTransient;
                // Npgsql's own failures (refused or broken connection, a timeout, an exhausted pool)
                // are the client's view of an unreachable server, never of a wrong query.
                case NpgsqlException:
                    return true;
            }
        }
        return false;
    }

    /// <summary>SQLSTATE classes and codes of an unavailable server (PostgreSQL's appendix A, "Error codes").</summary>
    private static bool IsUnavailableState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal)      // connection exception
        || state.StartsWith("53", StringComparison.Ordinal)   // insufficient resources: disk full, out of memory, too many connections
        || state.StartsWith("57P", StringComparison.Ordinal)  // admin shutdown, crash shutdown, cannot connect now, database dropped
        || state == PostgresErrorCodes.QueryCanceled          // statement timeout
        || state == PostgresErrorCodes.ObjectNotInPrerequisiteState // "database is not currently accepting connections"
        || state == PostgresErrorCodes.ReadOnlySqlTransaction // a standby promoted late, or a read-only server
        || state == PostgresErrorCodes.SerializationFailure
        || state == PostgresErrorCodes.DeadlockDetected
        || state == PostgresErrorCodes.LockNotAvailable;
}
