using System.Net;
using RichContact.Engine.Crisp.Rest;

namespace RichContact.Engine.Contacts;

/// <summary>
/// Finds a people profile that already stands for an identity: same real email, same phone in any
/// format people type (or a national variant of it), or this phone's placeholder on any channel.
/// <para>
/// Crisp documents only the <c>email</c> criterion (docs/crisp.md). One OR search names the email
/// filters (<c>email eq</c> the real email, <c>email has "&lt;digits&gt;@"</c> for placeholders made on
/// any channel) and, while Crisp answers it, <c>person.phone has</c> the forms of
/// <see cref="PhoneSearchForms"/>; each candidate is then compared with libphonenumber, variants
/// included. One call for most conversations. When Crisp refuses the phone criterion (400) or drops
/// it (the answer holds profiles that cannot match), <see cref="DedupMode"/> remembers and the search
/// goes on with the email filters alone; if even those fail, exact reads by email remain.
/// </para>
/// </summary>
internal sealed class ExistingProfileSearch(CrispClient crisp, DedupMode mode)
{
    /// <summary>Pages of candidates read at most before the search says it could not be sure.</summary>
    internal const int MaxPages = 4;

    public async Task<ProfileSearchResult> FindAsync(string websiteId, ContactIdentity identity, string channel, CancellationToken ct)
    {
        // A phone-less person's contact has this exact email or none: a read by email is one call, and immediate.
        if (identity.PhonelessPlaceholder is { } placeholder)
            return new(await crisp.GetPeopleProfileAsync(websiteId, placeholder, ct), null);
        var emailFilters = EmailFilters(identity);
        if (identity.Phone is not null && mode.TryPhoneSearch)
        {
            var answer = await SearchAsync(websiteId, identity, [.. emailFilters, .. PhoneFilters(PhoneSearchForms.Broad(identity))], pages: 1, ct);
            if (answer.Kind == AnswerKind.TooMany)
                answer = await SearchAsync(websiteId, identity, [.. emailFilters, .. PhoneFilters(PhoneSearchForms.Narrow(identity))], MaxPages, ct);
            switch (answer.Kind)
            {
                case AnswerKind.Refused:
                    mode.PhoneSearchRefused();
                    break;
                case AnswerKind.Unfiltered:
                    mode.PhoneSearchIgnored();
                    // A profile that is the same person is one, whatever else came with it.
                    if (answer.Match is not null)
                        return new(answer.Match, null);
                    break;
                default:
                    mode.PhoneSearchAnswered();
                    return new(answer.Match, answer.Kind == AnswerKind.TooMany ? ReasonCodes.DedupIncomplete : null);
            }
        }
        // Past this point a phone typed by hand on a contact cannot be looked for.
        var unseen = identity.Phone is null ? null : ReasonCodes.PhoneNotSearchable;

        if (mode.TryEmailSearch)
        {
            var answer = await SearchAsync(websiteId, identity, emailFilters, MaxPages, ct);
            if (answer.Kind is not (AnswerKind.Refused or AnswerKind.Unfiltered))
            {
                mode.EmailSearchAnswered();
                return new(answer.Match, answer.Kind == AnswerKind.TooMany ? ReasonCodes.DedupIncomplete : unseen);
            }
            mode.EmailSearchFailed();
            if (answer.Match is not null)
                return new(answer.Match, null);
        }

        // No search to lean on: read the emails this person's contact could have, exactly.
        foreach (var email in ExactEmails(identity, channel))
        {
            if (await crisp.GetPeopleProfileAsync(websiteId, email, ct) is { } profile)
                return new(profile, null);
        }
        // Placeholders made on other channels cannot be read without a search.
        return new(null, identity.Phone is null ? null : ReasonCodes.DedupIncomplete);
    }

    private enum AnswerKind { Found, NotFound, TooMany, Refused, Unfiltered }

    private sealed record Answer(AnswerKind Kind, PeopleProfile? Match = null);

    private async Task<Answer> SearchAsync(string websiteId, ContactIdentity identity, IReadOnlyList<PeopleFilter> filters, int pages, CancellationToken ct)
    {
        for (var page = 1; page <= pages; page++)
        {
            IReadOnlyList<PeopleProfile> candidates;
            try
            {
                candidates = await crisp.SearchPeopleAsync(websiteId, filters, "or", page, ct);
            }
            catch (CrispApiException error) when (error.Status == HttpStatusCode.BadRequest)
            {
                return new(AnswerKind.Refused);
            }
            var match = candidates.FirstOrDefault(c => IsSamePerson(c, identity));
            if (candidates.Any(c => !filters.Any(f => CouldMatch(c, f))))
                return new(AnswerKind.Unfiltered, match);
            if (match is not null)
                return new(AnswerKind.Found, match);
            if (candidates.Count < CrispClient.SmallestPageSeen)
                return new(AnswerKind.NotFound);
        }
        return new(AnswerKind.TooMany);
    }

    internal static IReadOnlyList<PeopleFilter> EmailFilters(ContactIdentity identity)
    {
        var filters = new List<PeopleFilter>();
        if (identity.Email is not null)
            filters.Add(new PeopleFilter("email", "eq", [identity.Email]));
        if (identity.Phone is not null)
        {
            // The whole number before the @: every placeholder of this phone, whatever its channel,
            // whether "has" reads a substring or whole words.
            filters.AddRange(Phones.Variants(identity.Phone).Order(StringComparer.Ordinal)
                .Select(e164 => new PeopleFilter("email", "has", [e164.TrimStart('+') + "@"])));
        }
        return filters;
    }

    // One filter per form (under the "or" operator): what Crisp makes of several values in one
    // filter's query is not documented.
    private static IEnumerable<PeopleFilter> PhoneFilters(IEnumerable<string> forms) =>
        forms.Select(form => new PeopleFilter("person.phone", "has", [form]));

    /// <summary>The real email, and this phone's placeholder on this channel (each national variant's).</summary>
    private static IEnumerable<string> ExactEmails(ContactIdentity identity, string channel)
    {
        if (identity.Email is not null)
            yield return identity.Email;
        if (identity.Phone is not null)
        {
            foreach (var e164 in Phones.Variants(identity.Phone).Order(StringComparer.Ordinal))
                yield return ContactIdentity.PlaceholderEmail(e164, channel);
        }
    }

    /// <summary>
    /// Whether Crisp could have returned the candidate for the filter under any reading of its
    /// operators: <c>has</c> as a substring, as whole words, or over the digits alone. A candidate
    /// that fits none of the filters means Crisp did not apply them.
    /// </summary>
    internal static bool CouldMatch(PeopleProfile candidate, PeopleFilter filter)
    {
        var query = filter.Query.FirstOrDefault() ?? "";
        var stored = filter.Criterion switch
        {
            "email" => candidate.Email,
            "person.phone" => candidate.Phone,
            _ => null,
        };
        if (stored is null)
            return false;
        if (filter.Operator == "eq")
            return string.Equals(stored.Trim(), query, StringComparison.OrdinalIgnoreCase);
        if (stored.Contains(query, StringComparison.OrdinalIgnoreCase))
            return true;
        var queryDigits = Digits(query);
        return filter.Criterion == "person.phone" && queryDigits.Length > 0 && Digits(stored).Contains(queryDigits, StringComparison.Ordinal);
    }

    private static string Digits(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

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
