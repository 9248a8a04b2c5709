using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RichContact.Engine.Storage;
using RichContact.Engine.Storage.Postgres;

namespace RichContact.Engine.Contacts;

/// <summary>
/// Hangfire as the contact jobs need it: the job storage (with SQLite its own file, hangfire.db, since
/// Hangfire.Storage.SQLite manages its own schema, and its job-state locks in this process; with
/// PostgreSQL its own schema of the database) and the
/// server, with the polling intervals of <see cref="HangfireTimings"/>. The other timing decisions
/// are beside it: the due time (<see cref="CollectionWindow"/>, <see cref="ContactJobScheduler"/>),
/// the run at the window's end (<see cref="WindowEndRuns"/>), the hold of what the storage refuses
/// (<see cref="ContactJobScheduler"/>, <see cref="HoldWhileDatabaseFailsAttribute"/>) and the job's
/// retries (<see cref="CreateContactJob"/>).
/// </summary>
internal static class ContactJobsHangfire
{
    public static IServiceCollection AddContactJobsHangfire(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<HangfireTimings, HangfireTimingsValidator>(configuration, HangfireTimings.Section);
        services.AddHangfire((sp, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(JobStorage(sp)));
        services.AddHangfireServer((sp, server) =>
        {
            server.SchedulePollingInterval = TimingsOf(sp).SchedulePollingInterval;
            server.ServerName = "richcontact";
        });
        return services;
    }

    /// <summary>Hangfire.PostgreSql in its own schema with PostgreSQL (Storage/Postgres), else hangfire.db beside richcontact.db.</summary>
    private static JobStorage JobStorage(IServiceProvider sp)
    {
        var timings = TimingsOf(sp);
        return PostgresStorage.IsChosen(sp)
            ? PostgresStorage.JobStorage(sp, timings.QueuePollInterval, timings.InvisibilityTimeout)
            : new RichContactJobStorage(HangfireConnections.Factory(sp.GetRequiredService<DataDirectory>().JobStorage), new SQLiteStorageOptions
            {
                QueuePollInterval = timings.QueuePollInterval,
                InvisibilityTimeout = timings.InvisibilityTimeout,
            });
    }

    private static HangfireTimings TimingsOf(IServiceProvider sp) => sp.GetRequiredService<IOptions<HangfireTimings>>().Value;
}
