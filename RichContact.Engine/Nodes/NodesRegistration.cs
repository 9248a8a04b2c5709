using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RichContact.Engine.Activity;
using RichContact.Engine.Memory;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Nodes;

/// <summary>
/// Registers what lets several nodes share one PostgreSQL (issue #14's "several nodes"): the node's
/// name, its way into the database, the shared small state, the RTM leadership, the contact jobs'
/// database locks, the live feed across nodes and the nodes table. With SQLite each of them does
/// what a single process did before, and none connects anywhere.
/// </summary>
internal static class NodesRegistration
{
    public static IServiceCollection AddNodes(this IServiceCollection services)
    {
        services.TryAddSingleton<NodeIdentity>();
        services.TryAddSingleton<NodesDatabase>();
        services.TryAddSingleton<NodeState>();
        services.AddOneHome<IRtmLeadership, SingleProcessRtmLeadership, PostgresRtmLeadership>();
        services.TryAddSingleton<KeyedLocks>();
        services.AddOneHome<IContactLocks, InProcessContactLocks, PostgresContactLocks>();
        services.AddSingleton<NodeRegistry>();
        services.AddHostedService(sp => sp.GetRequiredService<NodeRegistry>());
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
