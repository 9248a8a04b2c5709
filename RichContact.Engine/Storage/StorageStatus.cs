using Microsoft.Extensions.Options;

namespace RichContact.Engine.Storage;

/// <summary>The two stores the engine writes: SQLite files, or on PostgreSQL the engine's tables and Hangfire's schema.</summary>
public enum StorageFile
{
    /// <summary><c>richcontact.db</c>: website settings and the activity log.</summary>
    Database,

    /// <summary><c>hangfire.db</c>: the contact jobs waiting out their collection window.</summary>
    JobStorage,
}

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

/// <summary>
/// The last storage failure of each SQLite file, set where the failure is caught and cleared by
/// that store's next successful write: the engine already logs these errors, this makes them
/// visible to the operator until the store works again.
/// </summary>
public sealed class StorageStatus(TimeProvider clock, IOptions<StorageOptions>? options = null)
{
    private readonly bool _postgres = options?.Value.IsPostgres == true;

    private readonly Lock _gate = new();
    private readonly Dictionary<StorageFile, StorageFailure> _failures = [];

    public event Action? Changed;

    /// <summary>The stores failing now (their last failure), database first.</summary>
    public IReadOnlyList<StorageFailure> Failures
    {
        get { lock (_gate) return _failures.Values.OrderBy(f => f.File).ToList(); }
    }

    public void Failed(StorageFile file, Exception error)
    {
        // The innermost type names the cause (SqliteException, IOException), not a wrapper.
        var failure = new StorageFailure(file, error.GetBaseException().GetType().Name, clock.GetUtcNow()) { Postgres = _postgres };
        lock (_gate) _failures[file] = failure;
        Changed?.Invoke();
    }

    public void Succeeded(StorageFile file)
    {
        bool cleared;
        lock (_gate) cleared = _failures.Remove(file);
        if (cleared)
            Changed?.Invoke();
    }
}
