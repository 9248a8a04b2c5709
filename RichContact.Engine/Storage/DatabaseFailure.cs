using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RichContact.Engine.Storage.Postgres;

namespace RichContact.Engine.Storage;

/// <summary>
/// Tells a failure of the settings and activity database — <c>richcontact.db</c> locked, full or
/// refusing a write, or PostgreSQL unreachable or refusing connections — from everything else.
/// </summary>
internal static class DatabaseFailure
{
    public static bool Is(Exception error) =>
        error is DbUpdateException || error.GetBaseException() is SqliteException || PostgresFailure.IsUnavailable(error);
}
