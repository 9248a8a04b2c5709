using System.Security.Cryptography;
using RichContact.Engine.Memory;

namespace RichContact.Engine.Nodes;

/// <summary>
/// <see cref="IRecentContactStore"/> of a single process: in memory, bounded in size and time, under a
/// key made at start and never stored: nothing in it reads back as a person, not even from a memory dump.
/// </summary>
internal sealed class ProcessRecentContacts(TimeProvider clock) : IRecentContactStore
{
    /// <summary>Far longer than any search lag seen or plausible; short enough to stay small.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromMinutes(15);
    public const int Capacity = 20_000;

    private readonly ExpiringMap<string, string> _peopleIds = new(Capacity, Kept, clock);

    public byte[] Key { get; } = RandomNumberGenerator.GetBytes(32);

    public string? Find(IReadOnlyList<string> keys, TimeSpan remembered)
    {
        foreach (var key in keys)
        {
            if (_peopleIds.TryGet(key, out var peopleId))
                return peopleId;
        }
        return null;
    }

    public void Remember(IReadOnlyList<string> keys, string peopleId)
    {
        foreach (var key in keys)
            _peopleIds.AddOrUpdate(key, _ => peopleId);
    }

    public void Forget(IReadOnlyList<string> keys)
    {
        foreach (var key in keys)
            _peopleIds.Remove(key);
    }
}
