using RichContact.Engine.Crisp;

namespace RichContact.Engine.Contacts;

/// <summary>
/// Finds a people profile that already stands for an identity: same real email, same phone in any
/// format people type (or a national variant of it), or this phone's placeholder email on any channel.
/// <para>
/// [guess] about Crisp's search (crisp-api.md §4): <c>person.phone</c> is searchable and
/// <c>has</c> matches a substring of the stored text. Phones are stored as typed
/// (<c>+55 (11) 98765-4321</c>), so no exact value can be searched for. Common ways of writing a
/// number keep its last four digits together or in two pairs, and every placeholder ends in
/// <c>&lt;last four&gt;@</c>, so one OR search (email eq, person.phone has last four, email has
/// last four + <c>@</c>) returns a small superset: each candidate's phone is then normalised with
/// libphonenumber and compared, variants included. One request for most conversations.
/// </para>
/// </summary>
public sealed class ExistingProfileSearch(CrispClient crisp)
{
    /// <summary>Pages of candidates read at most; a suffix shared by more than this many profiles is unlikely.</summary>
    internal const int MaxPages = 4;
    private const int SuffixLength = 4;

    public async Task<PeopleProfile?> FindAsync(string websiteId, ContactIdentity identity, CancellationToken ct)
    {
        var filters = Filters(identity);
        for (var page = 1; page <= MaxPages; page++)
        {
            var candidates = await crisp.SearchPeopleAsync(websiteId, filters, "or", page, ct);
            if (candidates.FirstOrDefault(c => IsSamePerson(c, identity)) is { } match)
                return match;
            if (candidates.Count < CrispClient.PeoplePageSize)
                break;
        }
        return null;
    }

    internal static IReadOnlyList<PeopleFilter> Filters(ContactIdentity identity)
    {
        var filters = new List<PeopleFilter>();
        if (identity.Email is not null)
            filters.Add(new PeopleFilter("email", "eq", [identity.Email]));
        if (identity.Phone is not null)
        {
            var suffix = identity.Phone[^SuffixLength..];
            // One filter per way of writing (under the "or" operator): what Crisp makes of several
            // values in one filter's query is not documented.
            filters.AddRange(WaysToWrite(suffix).Select(written => new PeopleFilter("person.phone", "has", [written])));
            filters.Add(new PeopleFilter("email", "has", [suffix + "@"]));
        }
        return filters;
    }

    /// <summary>
    /// The last four digits as people write them: together (<c>98765-4321</c>) or in pairs, as most of
    /// Europe does (<c>06 12 34 56 78</c>, <c>612.34.56.78</c>).
    /// </summary>
    private static string[] WaysToWrite(string lastFour) =>
        [lastFour, $"{lastFour[..2]} {lastFour[2..]}", $"{lastFour[..2]}-{lastFour[2..]}", $"{lastFour[..2]}.{lastFour[2..]}"];

    internal static bool IsSamePerson(PeopleProfile candidate, ContactIdentity identity)
    {
        if (identity.Email is not null && string.Equals(candidate.Email?.Trim(), identity.Email, StringComparison.OrdinalIgnoreCase))
            return true;
        if (identity.PhoneKey is not { } key)
            return false;

        var candidatePhone = Phones.ToE164Lenient(candidate.Phone, identity.PhoneRegion);
        if (candidatePhone is not null && Phones.CanonicalKey(candidatePhone) == key)
            return true;
        var placeholderPhone = Phones.ToE164Lenient(ContactIdentity.PhoneOfPlaceholder(candidate.Email), null);
        return placeholderPhone is not null && Phones.CanonicalKey(placeholderPhone) == key;
    }
}
