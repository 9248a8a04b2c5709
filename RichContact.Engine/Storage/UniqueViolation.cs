using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace RichContact.Engine.Storage;

/// <summary>An insert a unique index refused, on either provider: the row it guards is already there.</summary>
internal static class UniqueViolation
{
    /// <summary>SQLITE_CONSTRAINT_UNIQUE.</summary>
    private const int SqliteUniqueConstraintFailed = 2067;

    public static bool Is(DbUpdateException error) => error.GetBaseException() switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == SqliteUniqueConstraintFailed,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
