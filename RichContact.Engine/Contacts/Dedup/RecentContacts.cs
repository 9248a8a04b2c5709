using System.Security.Cryptography;
using System.Text;
using RichContact.Engine.Memory;

namespace RichContact.Engine.Contacts;

/// <summary>
/// The contacts this process created in the last minutes, by website and person: Crisp's search may
/// show a profile only some time after its creation (docs/crisp.md), so the same person on a second
/// channel a few seconds later would not be found and would get a second contact. In memory only,
/// bounded in size and time, and keyed by an HMAC under a key made at start and never stored: no
/// phone or email can be read back from it, not even from a memory dump without the key.
/// </summary>
public sealed class RecentContacts(TimeProvider clock)
{
    /// <summary>Far longer than any search lag seen or plausible; short enough to stay small.</summary>
    public static readonly TimeSpan Remembered = TimeSpan.FromMinutes(15);
    public const int Capacity = 20_000;

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ExpiringMap<string, string> _peopleIds = new(Capacity, Remembered, clock);

    /// <summary>The people id this process created for the person (by phone or email) on this website, if any.</summary>
    public string? Find(string websiteId, ContactIdentity identity)
    {
        foreach (var key in Keys(websiteId, identity))
        {
            if (_peopleIds.TryGet(key, out var peopleId))
                return peopleId;
        }
        return null;
    }

    public void Remember(string websiteId, ContactIdentity identity, string peopleId)
    {
        foreach (var key in Keys(websiteId, identity))
            _peopleIds.AddOrUpdate(key, _ => peopleId);
    }

    /// <summary>The profile is gone (an agent deleted it): the person may need a contact again.</summary>
    public void Forget(string websiteId, ContactIdentity identity)
    {
        foreach (var key in Keys(websiteId, identity))
            _peopleIds.Remove(key);
    }

    private IEnumerable<string> Keys(string websiteId, ContactIdentity identity)
    {
        if (identity.PhoneKey is { } phone)
            yield return Hash(websiteId, "phone:" + phone);
        if (identity.Email is { } email)
            yield return Hash(websiteId, "email:" + email);
    }

    private string Hash(string websiteId, string identity) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(websiteId + "\n" + identity)));
}
