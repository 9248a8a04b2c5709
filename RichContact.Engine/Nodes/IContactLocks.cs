namespace RichContact.Engine.Nodes;

/// <summary>
/// The locks that keep the contact path one-at-a-time wherever its jobs run: a conversation's (one
/// outcome), a person's (one contact), a mend's, a backfill's website (one run working it). With SQLite
/// they live in this process (<see cref="InProcessContactLocks"/>); with PostgreSQL in the database as
/// well (<see cref="PostgresContactLocks"/>), since the same conversation, person or run may be worked
/// on another node. Chosen once, at registration (<see cref="NodesRegistration"/>).
/// </summary>
internal interface IContactLocks
{
    /// <summary>
    /// Waits until the lock is held; throws the database's failure when PostgreSQL is down. With
    /// <paramref name="watched"/>, its loss is noticed while it is held (<see cref="IHeldLock.ThrowIfLost"/>):
    /// on PostgreSQL that keeps a query running on the locks' connection, so only the lock that guards
    /// a create (the person's) asks for it.
    /// </summary>
    Task<IHeldLock> AcquireAsync(string key, CancellationToken ct, bool watched = false);

    /// <summary>The lock if nobody holds it now, else null at once.</summary>
    Task<IHeldLock?> TryAcquireAsync(string key, CancellationToken ct);
}
