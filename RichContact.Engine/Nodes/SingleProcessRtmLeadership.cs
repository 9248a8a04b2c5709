namespace RichContact.Engine.Nodes;

/// <summary>One process on SQLite: it holds RTM from its start to its stop.</summary>
internal sealed class SingleProcessRtmLeadership : IRtmLeadership
{
    public bool HoldsRtm => true;

    public bool Holds(long term) => true;

    public event Action? Changed { add { } remove { } }

    public Task<LeadershipTerm> TakeAsync(CancellationToken ct) => Task.FromResult(LeadershipTerm.Forever);
}
