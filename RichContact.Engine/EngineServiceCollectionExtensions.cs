using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
    /// <summary>Everything the engine needs: options, the data directory's databases, Hangfire, Crisp, the contact journey, backfill, metrics and health checks.</summary>
    public static IServiceCollection AddRichContactEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMovedSettingsCheck(configuration);
        services.AddValidatedOptions<ContactJobOptions, ContactJobOptionsValidator>(configuration, ContactJobOptions.Section);
        services.AddValidatedOptions<ActivityRetentionOptions, ActivityRetentionOptionsValidator>(configuration, ActivityRetentionOptions.Section);
        services.AddValidatedOptions<ActivityRetentionTimings, ActivityRetentionTimingsValidator>(configuration, ActivityRetentionTimings.Section);

        services.TryAddSingleton(DataDirectory.FromOptions);

        // SQLite files in the data directory, or PostgreSQL (RichContact:Storage, Storage/Postgres).
        services.AddStorageOptions(configuration);
        services.AddDbContextFactory<RichContactDb, RichContactDbFactory>((sp, db) =>
        {
            if (PostgresStorage.IsChosen(sp))
                PostgresStorage.UseDatabase(sp, db);
            else
                db.UseSqlite($"Data Source={sp.GetRequiredService<DataDirectory>().Database}").AddInterceptors(new SynchronousNormal());
        });
        services.AddHostedService<DatabaseMigrator>();
        // Several nodes on one PostgreSQL (Nodes/); with SQLite, as one process always was. Chosen here,
        // once: every piece of state behind an interface gets the provider's implementation.
        var shared = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>()?.IsPostgres == true;
        services.AddNodes(configuration, shared);

        services.AddContactJobsHangfire(configuration);

        services.AddSingleton<StorageStatus>();
        services.AddSingleton<WebsiteSettingsStore>();
        services.AddSingleton<ActivityStream>();
        // With PostgreSQL, the entries other nodes record reach this node's stream too.
        if (shared)
        {
            services.AddSingleton<ActivityFeed>();
            services.AddSingleton<IActivityFeed>(sp => sp.GetRequiredService<ActivityFeed>());
            services.AddHostedService(sp => sp.GetRequiredService<ActivityFeed>());
        }
        else
        {
            services.AddSingleton<IActivityFeed, ProcessActivityFeed>();
        }
        services.AddSingleton<ActivityLog>();
        services.AddSingleton<ActivityQueries>();
        services.AddSingleton<ActivityFilterLists>();
        services.AddSingleton<ActivityRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<ActivityRetention>());
        services.AddCrisp(configuration);
        services.AddContacts(configuration);
        services.AddBackfill(configuration);
        services.AddEngineMetrics();

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<CrispConnectionHealthCheck>("crisp", tags: ["ready"])
            .AddCheck<StorageHealthCheck>("storage", tags: ["ready"]);
        return services;
    }
}
