using RichContact.Engine.Nodes;

namespace RichContact.Engine.Storage.Postgres;

/// <summary>One small piece of state a single process keeps as a file (<see cref="NodeState"/>): its file name, and its text.</summary>
internal sealed class NodeStateRow
{
    public required string Name { get; set; }
    public required string Value { get; set; }
    public DateTime UpdatedAt { get; set; }
}
