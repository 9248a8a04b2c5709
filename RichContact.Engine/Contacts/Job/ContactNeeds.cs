using RichContact.Engine.Crisp.Rest;

namespace RichContact.Engine.Contacts;

/// <summary>
/// What a conversation's contact needs of the visitor's details, in one place: the window ends early
/// once it has everything (<see cref="HasEverything"/>), and the job reads the conversation meta only
/// when memory lacks what the decision needs (<see cref="NeedsConversationMeta"/>).
/// </summary>
internal static class ContactNeeds
{
    /// <summary>
    /// Whether the details hold all the contact will get, so the window may close now: who the visitor
    /// is (a valid phone, or a real email), a name worth keeping, the country a nationally written
    /// phone needs (else the job would read the conversation meta for it), and the country or city
    /// when the website enriches contacts with them.
    /// </summary>
    public static bool HasEverything(VisitorDetails? details, bool enrichGeolocation) =>
        details is not null
        && ContactIdentity.From(details.Email, details.Phone, details.Country) is not null
        && Nickname.ForContact(details.Nickname) is not null
        && !PhoneNeedsRegion(details)
        && !GeolocationMissing(details, enrichGeolocation);

    /// <summary>
    /// Whether the job must read the conversation meta: the channel is not known yet (a conversation
    /// nobody heard), or memory has no email or phone, or lacks the country a national phone needs, or
    /// the geolocation the website enriches contacts with. A missing name alone costs no call.
    /// </summary>
    public static bool NeedsConversationMeta(VisitorDetails details, string? channel, bool enrichGeolocation) =>
        channel is null
        || (details.Email is null && details.Phone is null)
        || PhoneNeedsRegion(details)
        || GeolocationMissing(details, enrichGeolocation);

    private static bool PhoneNeedsRegion(VisitorDetails details) =>
        details.Phone is { } phone && !Phones.IsInternational(phone) && details.Country is null;

    private static bool GeolocationMissing(VisitorDetails details, bool enrichGeolocation) =>
        enrichGeolocation && details.Country is null && details.City is null;
}
