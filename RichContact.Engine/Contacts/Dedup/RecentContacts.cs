using System.Security.Cryptography;
using System.Text;
using RichContact.Engine.Nodes;

namespace RichContact.Engine.Contacts;

/// <summary>
/// The contacts created in the last minutes, by website and person: Crisp's search may show a profile
/// only some time after its creation (docs/crisp.md), so the same person on a second channel a few
/// seconds later would not be found and would get a second contact. Kept by <see cref="IRecentContactStore"/>
/// (this process's memory, or with several nodes rows they all read), bounded in time, and keyed by an
/// HMAC under the store's key: no phone or email can be read back from it.
/// </summary>
internal sealed class RecentContacts(IRecentContactStore store)
{
    /// <summary>Far longer than any search lag seen or plausible; short enough to stay small.</summary>
    public static readonly TimeSpan Remembered = ProcessRecentContacts.Kept;
    public const int Capacity = ProcessRecentContacts.Capacity;

    /// <summary>A single process's guard, alone (tests, tools).</summary>
    public RecentContacts(TimeProvider clock) : this(new ProcessRecentContacts(clock))
    {
    }

    /// <summary>The people id created for the person (by phone or email) on this website lately, if any.</summary>
    public string? Find(string websiteId, ContactIdentity identity) => store.Find(Keys(websiteId, identity), Remembered);

    public void Remember(string websiteId, ContactIdentity identity, string peopleId) => store.Remember(Keys(websiteId, identity), peopleId);

    /// <summary>The profile is gone (an agent deleted it): the person may need a contact again.</summary>
    public void Forget(string websiteId, ContactIdentity identity) => store.Forget(Keys(websiteId, identity));

    private List<string> Keys(string websiteId, ContactIdentity identity)
    {
        var keys = new List<string>(2);
        if (identity.PhoneKey is { } phone)
            keys.Add(Hash(websiteId, "phone:" + phone));
        if (identity.Email is { } email)
            keys.Add(Hash(websiteId, "email:" + email));
        if (identity.PhonelessPlaceholder is { } placeholder)
            keys.Add(Hash(websiteId, "email:" + placeholder));
        return keys;
    }

    private string Hash(string websiteId, string identity) =>
        Convert.ToBase64String(HMACSHA256.HashData(store.Key, Encoding.UTF8.GetBytes(websiteId + "\n" + identity)));
}
