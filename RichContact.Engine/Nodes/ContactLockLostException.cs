using Npgsql;

namespace RichContact.Engine.Nodes;

/// <summary>
/// A lock held in PostgreSQL was lost with its connection. Its inner exception is the database's
/// failure, so that a contact job meeting it is held and run again like one meeting PostgreSQL down
/// (<see cref="Storage.DatabaseFailure"/>), never recorded as failed.
/// </summary>
internal sealed class ContactLockLostException()
    : Exception("The lock's PostgreSQL connection broke while it was held; another node may hold it now",
        new NpgsqlException("The connection holding an advisory lock broke"));
