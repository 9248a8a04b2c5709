using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RichContact.Engine.Activity;
using RichContact.Engine.Backfill;
using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp;
using RichContact.Engine.Health;
using RichContact.Engine.Nodes;
using RichContact.Engine.Settings;
using RichContact.Engine.Storage;
using RichContact.Engine.Storage.Postgres;
using RichContact.Engine.Telemetry;

namespace RichContact.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Hangfire checks for due jobs this often; its 15 s default would make a 2 s collection window
    /// last up to 17 s.
    /// </summary>
    internal static readonly TimeSpan SchedulePollingInterval = TimeSpan.FromMilliseconds(250);
    internal static readonly TimeSpan QueuePollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// A queued job a worker fetched but never finished is handed out again after this long (the
    /// storage's default is 30 minutes). The benchmark saw a few jobs stay fetched and unprocessed
    /// under load (BENCHMARKS.md, "What limits it" 5). It must outlast the longest job, or a running
    /// job would be handed out twice: at most 3 Crisp calls of at most ~170 s each with every retry
    /// (CrispRegistration: 5 attempts of 10 s, back-offs up to 30 s).
    /// </summary>
    internal static readonly TimeSpan InvisibilityTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Everything the engine needs: options, SQLite, Hangfire, settings and the activity log.</summary>
    public static IServiceCollection AddRichContactEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RichContactOptions>()
            .Bind(configuration.GetSection(RichContactOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RichContactOptions>, RichContactOptionsValidator>();

        // SQLite files in the data directory, or PostgreSQL (RichContact:Storage, Storage/Postgres).
        services.AddStorageOptions(configuration);
        services.AddDbContextFactory<RichContactDb, RichContactDbFactory>((sp, db) =>
        {
            if (PostgresStorage.IsChosen(sp))
                PostgresStorage.UseDatabase(sp, db);
            else
                db.UseSqlite($"Data Source={DataFileOf(sp, "richcontact.db")}").AddInterceptors(new SynchronousNormal());
        });
        services.AddHostedService<DatabaseMigrator>();
        services.AddNodes(); // several nodes on one PostgreSQL (Nodes/); with SQLite, as one process always was

        // Hangfire.Storage.SQLite manages its own schema, so it gets its own file.
        services.AddHangfire((sp, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(PostgresStorage.IsChosen(sp) ? PostgresStorage.JobStorage(sp, QueuePollInterval, InvisibilityTimeout)
                : new RichContactJobStorage(HangfireConnections.Factory(DataFileOf(sp, "hangfire.db")), new SQLiteStorageOptions
            {
                QueuePollInterval = QueuePollInterval,
                InvisibilityTimeout = InvisibilityTimeout,
            })));
        services.AddHangfireServer(server =>
        {
            server.SchedulePollingInterval = SchedulePollingInterval;
            server.ServerName = "richcontact";
        });

        services.AddSingleton<StorageStatus>();
        services.AddSingleton<WebsiteSettingsStore>();
        services.AddSingleton<ActivityStream>();
        services.AddSingleton<ActivityLog>();
        services.AddSingleton<ActivityQueries>();
        services.AddSingleton<ActivityFilterLists>();
        services.TryAddSingleton(new ActivityRetentionTimings());
        services.AddSingleton<ActivityRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<ActivityRetention>());
        services.AddCrisp();
        services.AddContacts();
        services.AddBackfill(configuration);
        services.AddEngineMetrics();

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<CrispConnectionHealthCheck>("crisp", tags: ["ready"])
            .AddCheck<StorageHealthCheck>("storage", tags: ["ready"]);
        return services;
    }

    private static string DataFileOf(IServiceProvider sp, string fileName) =>
        DataFile.InDataDirectory(sp.GetRequiredService<IOptions<RichContactOptions>>().Value, fileName);
}
