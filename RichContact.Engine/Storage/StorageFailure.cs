namespace RichContact.Engine.Storage;

/// <summary>
/// A store's last failure, for the portal and <c>/readyz</c>. The exception's type only, and a fixed
/// hint: exception messages can quote the data they choked on.
/// </summary>
public sealed record StorageFailure(StorageFile File, string ErrorType, DateTimeOffset At)
{
    public const string Hint = "disk full or database locked?";
    public const string PostgresHint = "PostgreSQL unreachable, refusing connections or out of space?";

    /// <summary>On PostgreSQL (RichContact:Storage:Provider): the message names it rather than a file.</summary>
    public bool Postgres { get; init; }

    public string Message => (Postgres, File) switch
    {
        (true, StorageFile.Database) => $"The settings and activity database (PostgreSQL) failed with {ErrorType}: {PostgresHint}",
        (true, _) => $"The job storage (Hangfire's schema in PostgreSQL) failed with {ErrorType}: {PostgresHint}",
        (false, StorageFile.Database) => $"The settings and activity database ({DataDirectory.DatabaseFileName}) failed with {ErrorType}: {Hint}",
        _ => $"The job storage ({DataDirectory.JobStorageFileName}) failed with {ErrorType}: {Hint}",
    };
}
