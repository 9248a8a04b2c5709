using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RichContact.Engine.Activity;

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
        services.TryAddSingleton<RtmLeadership>();
        services.AddSingleton<NodeRegistry>();
        services.AddHostedService(sp => sp.GetRequiredService<NodeRegistry>());
        return services;
    }
}
