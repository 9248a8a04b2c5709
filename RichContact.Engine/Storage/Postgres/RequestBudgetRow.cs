using RichContact.Engine.Nodes;

namespace RichContact.Engine.Storage.Postgres;

/// <summary>Crisp requests all nodes sent on one UTC day (<see cref="SharedRequestCount"/>).</summary>
internal sealed class RequestBudgetRow
{
    public DateOnly Day { get; set; }
    public int Used { get; set; }
}
