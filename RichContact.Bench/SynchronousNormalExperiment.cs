using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SQLite;

namespace RichContact.Bench;

/// <summary>
/// An experiment (<c>--experiment synchronous-normal</c>), not the product's configuration: Hangfire's
/// SQLite storage with <c>PRAGMA synchronous = NORMAL</c> on each connection. Hangfire.Storage.SQLite
/// runs each write as its own autocommit, and in WAL mode with SQLite's default (FULL) every commit
/// waits for an fsync; NORMAL syncs at checkpoints only (WAL stays consistent; the last commits can be
/// lost on power loss). Same file, same options as the engine's registration otherwise.
/// </summary>
public static class SynchronousNormalExperiment
{
    public static void Install(IServiceCollection services, string hangfireDbPath)
    {
        services.Replace(ServiceDescriptor.Singleton<JobStorage>(sp =>
        {
            // Runs the engine's own Hangfire configuration first (serializer settings, compatibility level).
            sp.GetRequiredService<IGlobalConfiguration>();
            var factory = new SQLiteDbConnectionFactory(() =>
            {
                var connection = new SQLiteConnection(hangfireDbPath,
                    SQLiteOpenFlags.ReadWrite | SQLiteOpenFlags.Create | SQLiteOpenFlags.NoMutex, storeDateTimeAsTicks: true)
                {
                    BusyTimeout = TimeSpan.FromSeconds(10),
                };
                connection.ExecuteScalar<string>("PRAGMA synchronous = NORMAL");
                return connection;
            });
            // QueuePollInterval as the engine sets it (EngineServiceCollectionExtensions.QueuePollInterval).
            var storage = new SQLiteStorage(factory, new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromMilliseconds(100) });
            JobStorage.Current = storage;
            return storage;
        }));
    }
}
