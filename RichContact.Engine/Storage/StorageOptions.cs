namespace RichContact.Engine.Storage;

/// <summary>
/// Where the engine keeps its settings, activity, backfill runs and Hangfire's jobs: the SQLite
/// files of the data directory (the default: nothing to set up) or one PostgreSQL database.
/// Bound from <c>RichContact:Storage</c> (environment <c>RichContact__Storage__Provider</c>,
/// <c>RichContact__Storage__ConnectionString</c>) and validated at start by <see cref="StorageOptionsValidator"/>.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "RichContact:Storage";

    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>, in any case.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>
    /// An Npgsql connection string (<c>Host=…;Database=…;Username=…;Password=…</c>); required with
    /// <c>postgres</c>, unused with <c>sqlite</c>. It holds a password: never log it.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// With PostgreSQL, the longest a node uses its copy of shared state (settings, the admin password,
    /// the website list) without reading it again, in case it missed the notification of a change
    /// (<c>Nodes/PostgresStateChanges.cs</c>). 5–3600 s; advanced.
    /// </summary>
    public double CopyLifetimeSeconds { get; set; } = 30;

    public bool IsPostgres => string.Equals(Provider?.Trim(), Postgres, StringComparison.OrdinalIgnoreCase);

    public bool IsSqlite => string.IsNullOrWhiteSpace(Provider) || string.Equals(Provider.Trim(), Sqlite, StringComparison.OrdinalIgnoreCase);

    /// <summary>What the portal and <c>/readyz</c> call the database.</summary>
    public string DatabaseName => IsPostgres ? "PostgreSQL" : "SQLite";
}
