namespace RichContact.Engine.Nodes;

/// <summary><see cref="INodeRegistry"/> of a single process: the only node is this one.</summary>
internal sealed class ProcessNodeRegistry(NodeIdentity node, IRtmLeadership leadership, TimeProvider clock) : INodeRegistry
{
    public bool ListsNodes => false;

    public string NodeName => node.Name;

    public Task<IReadOnlyList<NodeInfo>> AliveAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<NodeInfo>>([new NodeInfo(node.Name, leadership.HoldsRtm, clock.GetUtcNow())]);
}
