namespace RichContact.Engine.Nodes;

/// <summary>
/// A lock of <see cref="IContactLocks"/>, held until disposed. Released asynchronously: on PostgreSQL
/// the release is a query, and a thread blocked on it while many runs end at once (a catch-up's burst)
/// starved the thread pool and held every contact for seconds (see RELIABILITY.md).
/// </summary>
internal interface IHeldLock : IAsyncDisposable
{
    /// <summary>
    /// Throws <see cref="ContactLockLostException"/> when the lock was lost while held (its database
    /// connection broke, so another node may hold it now): checked before an action the lock guards,
    /// such as creating a person's contact. Knows only of a lock acquired as watched.
    /// </summary>
    void ThrowIfLost();
}
