using RichContact.Engine.Nodes;

namespace RichContact.Engine.Storage.Postgres;

/// <summary>A node that beat lately (<see cref="NodeRegistry"/>), and whether it holds the RTM socket.</summary>
internal sealed class NodeRow
{
    public required string Name { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime HeartbeatAt { get; set; }
    public bool HoldsRtm { get; set; }
}
