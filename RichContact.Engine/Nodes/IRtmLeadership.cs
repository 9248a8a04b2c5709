namespace RichContact.Engine.Nodes;

/// <summary>
/// Which node holds Crisp's RTM socket: Crisp sends each event to every socket of the plugin, so two
/// nodes connected at once would each handle it, and none connected hears nothing. With SQLite there is
/// one process, and its term never ends (<see cref="SingleProcessRtmLeadership"/>); with PostgreSQL the
/// holder is the node holding a lease, renewed every second and lost when it stops renewing
/// (<see cref="PostgresRtmLeadership"/>). Each term has a number that only grows (a fencing token):
/// what a node does because it holds RTM — handling the socket's events, creating the contacts of the
/// windows it opened — is checked against its term first, so a node that wakes after losing RTM does
/// nothing more in its name.
/// </summary>
public interface IRtmLeadership
{
    /// <summary>True while this node holds a term that is still valid.</summary>
    bool HoldsRtm { get; }

    /// <summary>True while this node holds term <paramref name="term"/> and it is still valid.</summary>
    bool Holds(long term);

    /// <summary>Raised when this node takes RTM or loses it.</summary>
    event Action? Changed;

    /// <summary>Completes when this node holds RTM (at once with a single process), trying as often as it takes.</summary>
    Task<LeadershipTerm> TakeAsync(CancellationToken ct);
}
