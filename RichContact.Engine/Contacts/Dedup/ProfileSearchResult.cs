using RichContact.Engine.Crisp.Rest;

namespace RichContact.Engine.Contacts;

/// <summary>What a search for an existing contact found, and where it could not look.</summary>
/// <param name="Unseen">
/// Null when the search looked everywhere a contact of this person could be; else the reason code of
/// what it could not see: <see cref="ReasonCodes.PhoneNotSearchable"/> (hand-typed phones, while Crisp
/// does not filter on them) or <see cref="ReasonCodes.DedupIncomplete"/> (more candidates than can be
/// read, or no search at all).
/// </param>
internal sealed record ProfileSearchResult(PeopleProfile? Match, string? Unseen)
{
    /// <summary>No search made: no match, nothing unseen.</summary>
    public static readonly ProfileSearchResult None = new(null, null);
}
