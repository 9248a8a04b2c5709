namespace RichContact.Engine.Nodes;

/// <summary>
/// The nodes alive, for the portal. One process (<see cref="ProcessNodeRegistry"/>): itself, and nothing
/// to show. Several nodes on PostgreSQL (<see cref="NodeRegistry"/>): the nodes table every node beats in.
/// </summary>
public interface INodeRegistry
{
    /// <summary>True when several nodes may run: the portal lists them and says which holds RTM.</summary>
    bool ListsNodes { get; }

    string NodeName { get; }

    /// <summary>The nodes alive now, by name; <see cref="NodeInfo.HoldsRtm"/> tells which one holds RTM.</summary>
    Task<IReadOnlyList<NodeInfo>> AliveAsync(CancellationToken ct);
}
