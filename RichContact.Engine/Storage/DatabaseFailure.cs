using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace RichContact.Engine.Storage;

/// <summary>Tells a failure of <c>richcontact.db</c> (locked, disk full, refused write) from everything else.</summary>
public static class DatabaseFailure
{
    public static bool Is(Exception error) =>
        error is DbUpdateException || error.GetBaseException() is SqliteException;
}
