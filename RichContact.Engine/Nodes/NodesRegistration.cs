using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RichContact.Engine.Memory;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Nodes;

/// <summary>
/// Registers what lets several nodes share one PostgreSQL: the node's name, its way into the database,
/// the shared small state, the RTM leadership, the nodes table, and — the one place that picks them by
/// the storage provider — the single-process or the shared implementation of each piece of state the
/// features reach through an interface (<see cref="IStateChanges"/>...). No feature asks which
/// provider is in force. With SQLite each of them does what a single process did before, and none
/// connects anywhere.
/// </summary>
internal static class NodesRegistration
{
    /// <param name="shared">True with PostgreSQL (<c>RichContact:Storage:Provider = postgres</c>).</param>
    public static IServiceCollection AddNodes(this IServiceCollection services, IConfiguration configuration, bool shared)
    {
        // Nothing to check: an empty name means the machine's name and the process id.
        services.AddOptions<NodeOptions>().Bind(configuration.GetSection(NodeOptions.Section));
        services.TryAddSingleton<NodeIdentity>();
        services.TryAddSingleton<NodesDatabase>();
        services.TryAddSingleton<NodeState>();
        services.AddOneHome<IRtmLeadership, SingleProcessRtmLeadership, PostgresRtmLeadership>();
        services.TryAddSingleton<KeyedLocks>();
        services.AddOneHome<IContactLocks, InProcessContactLocks, PostgresContactLocks>();
        services.AddOneHome<IWebsiteLimits, ProcessWebsiteLimits, PostgresWebsiteLimits>();
        services.AddOneHome<IRouteRefusals, ProcessRouteRefusals, PostgresRouteRefusals>();
        if (shared)
        {
            services.AddSingleton<NodeRegistry>();
            services.AddSingleton<INodeRegistry>(sp => sp.GetRequiredService<NodeRegistry>());
            services.AddHostedService(sp => sp.GetRequiredService<NodeRegistry>());
            services.AddSingleton<PostgresStateChanges>();
            services.AddSingleton<IStateChanges>(sp => sp.GetRequiredService<PostgresStateChanges>());
            services.AddHostedService(sp => sp.GetRequiredService<PostgresStateChanges>());
            services.AddSingleton<IWebsiteListShare, PostgresWebsiteList>();
            services.AddSingleton<IHookSignatures, TakenHookSignatures>();
            services.AddSingleton<IRecentContactStore, PostgresRecentContacts>();
            services.AddSingleton<IRequestCount, SharedRequestCount>();
            services.AddSingleton<IWebsiteNameShare, PostgresWebsiteNames>();
            // The login cookies' keys: a cookie one node issued opens the portal on every node.
            services.AddSingleton<IXmlRepository>(sp => new PostgresXmlRepository(sp.GetRequiredService<NodesDatabase>()));
        }
        else
        {
            services.AddSingleton<INodeRegistry, ProcessNodeRegistry>();
            services.AddSingleton<IStateChanges, ProcessStateChanges>();
            services.AddSingleton<IWebsiteListShare, ProcessWebsiteList>();
            services.AddSingleton<IHookSignatures, ProcessHookSignatures>();
            services.AddSingleton<IRecentContactStore, ProcessRecentContacts>();
            services.AddSingleton<IWebsiteNameShare, ProcessWebsiteNames>();
            services.AddSingleton<IRequestCount>(sp => new FileRequestCount(sp.GetRequiredService<DataDirectory>().RequestBudget, sp.GetRequiredService<ILogger<FileRequestCount>>()));
            services.AddSingleton<IXmlRepository>(sp => new FileSystemXmlRepository(
                new DirectoryInfo(sp.GetRequiredService<DataDirectory>().Keys), sp.GetRequiredService<ILoggerFactory>()));
        }
        return services;
    }

    /// <summary>
    /// A piece of state's one home: <typeparamref name="TSingleProcess"/> with SQLite (one process, its
    /// data directory), <typeparamref name="TShared"/> with PostgreSQL (every node). Chosen here, once:
    /// no feature asks which storage is in force.
    /// </summary>
    internal static IServiceCollection AddOneHome<TService, TSingleProcess, TShared>(this IServiceCollection services)
        where TService : class where TSingleProcess : class, TService where TShared : class, TService
    {
        services.TryAddSingleton<TService>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.IsPostgres
            ? ActivatorUtilities.CreateInstance<TShared>(sp)
            : ActivatorUtilities.CreateInstance<TSingleProcess>(sp));
        return services;
    }
}
