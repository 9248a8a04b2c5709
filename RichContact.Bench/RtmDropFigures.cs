namespace RichContact.Bench;

/// <summary>What the run's RTM drops cost: Crisp calls of each drop's catch-up, and the conversations they left without a contact.</summary>
public sealed record RtmDropFigures
{
    public double EverySeconds { get; init; }
    public double RefusedSeconds { get; init; }
    /// <summary>Per drop: the catch-up's calls (conversation lists, websites installed since) and its conversation lists alone.</summary>
    public required IReadOnlyList<long> CallsPerDrop { get; init; }
    public required IReadOnlyList<long> ListCallsPerDrop { get; init; }
    /// <summary>Websites the drops' catch-ups did not list (the engine's richcontact.catchup.websites_not_listed).</summary>
    public long WebsitesNotListed { get; init; }
    /// <summary>Channel conversations with no outcome once the wait ended: their only message fell in a gap on a website not listed.</summary>
    public int Missed { get; init; }
    /// <summary>Of those, the ones still without an outcome after their visitor wrote again: must be 0.</summary>
    public int MissedAfterSecondMessage { get; init; }
}
