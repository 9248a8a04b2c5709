using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RichContact.Engine.Storage.Postgres;

/// <summary>
/// The engine's storage on PostgreSQL (<c>RichContact:Storage:Provider = postgres</c>): EF Core on
/// Npgsql for settings, activity and backfill runs, and Hangfire.PostgreSql for the contact jobs,
/// in its own schema of the same database.
/// </summary>
internal static class PostgresStorage
{
    /// <summary>Hangfire's tables live in this schema, apart from the engine's tables in <c>public</c>.</summary>
    public const string HangfireSchema = "hangfire";

    /// <summary>
    /// Hangfire.PostgreSql's locks are rows: one whose release failed — its connection dropped by a
    /// PostgreSQL restart or failover — stays until it is this old, and blocks its resource until
    /// then. With the storage's default (10 minutes) the delayed-job scheduler stopped for that long
    /// after such an outage, so conversations held meanwhile waited ten minutes for their contact
    /// (Postgres/PostgresOutageTests). The engine's locks last milliseconds (state changes, one
    /// round of the scheduler); none is held while a job runs, so a far shorter age breaks no live lock.
    /// </summary>
    internal static readonly TimeSpan DistributedLockTimeout = TimeSpan.FromSeconds(30);

    public static bool IsChosen(IServiceProvider sp) => Options(sp).IsPostgres;

    public static void UseDatabase(IServiceProvider sp, DbContextOptionsBuilder db) =>
        db.UseNpgsql(Options(sp).ConnectionString);

    /// <summary>
    /// Hangfire.PostgreSql with the engine's polling intervals and invisibility timeout (the same as
    /// SQLite's, for the same reasons: EngineServiceCollectionExtensions). Unlike Hangfire.Storage.SQLite
    /// its locks are rows of the database, which any number of processes share, so it needs no
    /// in-process lock like the SQLite job storage's; a contended lock is tried again at
    /// most a second later rather than after a tenth of the caller's timeout.
    /// </summary>
    public static JobStorage JobStorage(IServiceProvider sp, TimeSpan queuePollInterval, TimeSpan invisibilityTimeout)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = HangfireSchema,
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = queuePollInterval,
            InvisibilityTimeout = invisibilityTimeout,
            DistributedLockTimeout = DistributedLockTimeout,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(Options(sp).ConnectionString, options), options);
    }

    private static StorageOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<StorageOptions>>().Value;
}
