using Microsoft.Extensions.Options;

namespace RichContact.Engine.Storage;

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
