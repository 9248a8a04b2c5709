namespace RichContact.Engine.Nodes;

/// <summary>
/// Where the recent-contacts guard (<c>Contacts/Dedup/RecentContacts.cs</c>) keeps the contacts made in
/// the last minutes, by keyed hash of a website and a person (never a phone or an email). One process:
/// in memory under a key made at start (<see cref="ProcessRecentContacts"/>). Several nodes on
/// PostgreSQL: rows every node reads (<see cref="PostgresRecentContacts"/>), under a key every node
/// derives from the plugin key, so that the same person on a second channel a few seconds later is
/// found whichever node runs the second job.
/// </summary>
internal interface IRecentContactStore
{
    /// <summary>The HMAC key the entries are made with: the same on every node that reads them.</summary>
    byte[] Key { get; }

    /// <summary>The people id remembered under any of <paramref name="keys"/> within <paramref name="remembered"/>, if any.</summary>
    string? Find(IReadOnlyList<string> keys, TimeSpan remembered);

    void Remember(IReadOnlyList<string> keys, string peopleId);

    void Forget(IReadOnlyList<string> keys);
}
