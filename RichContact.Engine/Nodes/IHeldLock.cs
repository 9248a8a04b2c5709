namespace RichContact.Engine.Nodes;

/// <summary>A lock of <see cref="IContactLocks"/>, held until disposed.</summary>
internal interface IHeldLock : IDisposable
{
    /// <summary>
    /// Throws <see cref="ContactLockLostException"/> when the lock was lost while held (its database
    /// connection broke, so another node may hold it now): checked before an action the lock guards,
    /// such as creating a person's contact. Knows only of a lock acquired as watched.
    /// </summary>
    void ThrowIfLost();
}
