namespace RichContact.Engine.Contacts;

/// <summary>
/// How far Crisp was heard and handled, so that what no listener heard is caught up: a single process
/// keeps it in its data directory (<see cref="LastEventMark"/>); nodes on PostgreSQL each keep their own
/// (<see cref="SharedLastEventMark"/>), since each handles what it receives. The mark never passes what a
/// <see cref="LastEventMarkHold"/> holds (an event received and not handled, a held conversation, a
/// catch-up not finished): a listener that dies loses those, and whoever takes its mark over catches them up.
/// </summary>
internal interface ILastEventMark
{
    /// <summary>This listener's mark: how far it heard and handled Crisp, or null when it wrote none.</summary>
    DateTimeOffset? Read();

    /// <summary>
    /// This listener heard and handled Crisp up to <paramref name="at"/> (held back by the holds); the
    /// pending catch-up gaps whose ends are fixed are kept with it, each with its own bounds.
    /// </summary>
    void Write(DateTimeOffset at);

    /// <summary>
    /// The marks of listeners that no longer listen — the previous process, a node that died, and with
    /// <paramref name="everyOtherListener"/> (the node that just took RTM) every other node's — taken over
    /// by this one, once: the earliest, from which this node catches up, with the gaps they kept (each
    /// caught up with its own bounds), or null when there is none. Each
    /// mark is taken by one node only, and becomes this node's own until the catch-up is done, so that
    /// this node dying meanwhile hands it on.
    /// </summary>
    TakenOverMarks? TakeOver(bool everyOtherListener);

    /// <summary>
    /// This node stopped listening without handing over (its RTM term ended): nobody may hear Crisp from its
    /// mark on, so its next <see cref="TakeOver"/> takes its own mark too, like a previous run's.
    /// </summary>
    void StoppedListening();
}
