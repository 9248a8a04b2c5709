using RichContact.Engine.Crisp.Rest;

namespace RichContact.Engine.Contacts;

/// <summary>When a conversation's contact job may run.</summary>
internal static class CollectionWindow
{
    /// <summary>
    /// First message + window, rounded UP to the next whole second: Hangfire stores due times in
    /// whole seconds, so an unrounded time could fire up to a second before the window is over.
    /// (The tracker runs the job at the exact end; the Hangfire job's due time is the durable fallback.)
    /// </summary>
    public static DateTimeOffset DueTime(DateTimeOffset firstMessageAt, TimeSpan window)
    {
        var end = firstMessageAt + window;
        var seconds = end.ToUnixTimeMilliseconds() / 1000;
        if (end.ToUnixTimeMilliseconds() % 1000 != 0)
            seconds++;
        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }

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
        && (details.Phone is null || Phones.IsInternational(details.Phone) || details.Country is not null)
        && (!enrichGeolocation || details.Country is not null || details.City is not null);
}
