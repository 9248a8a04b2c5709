namespace RichContact.Engine.Contacts;

/// <summary>
/// Who a conversation's visitor is, as far as dedup is concerned: a real email, an E.164 phone, or
/// both. Conversations with neither are skipped (<c>no_identity</c>), unless the website gives them a
/// contact: then the identity is the channel's placeholder alone (<see cref="Phoneless"/>).
/// </summary>
internal sealed record ContactIdentity(string? Email, string? Phone)
{
    /// <summary>
    /// A phone-less conversation's placeholder (<see cref="Contacts.PhonelessPlaceholder"/>): the contact's
    /// email and the only thing to look it up by. Null for a visitor with a phone or a real email.
    /// </summary>
    public string? PhonelessPlaceholder { get; private init; }

    /// <summary>The identity of a channel conversation with neither a phone nor an email.</summary>
    public static ContactIdentity Phoneless(string placeholder) => new(null, null) { PhonelessPlaceholder = placeholder };

    /// <summary>Placeholder emails end in <c>@&lt;channel&gt;.nomail</c>: never a real mailbox.</summary>
    public const string PlaceholderDomainSuffix = ".nomail";

    /// <summary>
    /// From what a conversation carries. A placeholder email (one Rich Contact made) is not a real
    /// email; a phone is normalised with the conversation's country as region hint.
    /// </summary>
    public static ContactIdentity? From(string? email, string? phone, string? countryHint)
    {
        var realEmail = NormaliseEmail(email);
        if (realEmail is not null && IsPlaceholder(realEmail))
            realEmail = null;
        var e164 = Phones.ToE164(phone, countryHint);
        return realEmail is null && e164 is null ? null : new ContactIdentity(realEmail, e164);
    }

    /// <summary>
    /// The key of the per-person lock: the phone's canonical variant when there is a phone (the same
    /// person on two channels has the same phone, not always the same email), else the email.
    /// </summary>
    public string LockKey => PhoneKey is not null ? "phone:" + PhoneKey : "email:" + (Email ?? PhonelessPlaceholder);

    /// <summary>The phone's canonical variant, worked out once: a search compares it with every candidate.</summary>
    public string? PhoneKey { get; } = Phone is null ? null : Phones.CanonicalKey(Phone);

    /// <summary>The phone's country, the likeliest one for a candidate's phone typed without a country code.</summary>
    public string? PhoneRegion { get; } = Phone is null ? null : Phones.RegionOf(Phone);

    /// <summary>The email the new profile gets: the real one, else <c>&lt;E.164 digits&gt;@&lt;channel&gt;.nomail</c>, else the phone-less placeholder.</summary>
    public string ProfileEmail(string channel) => Email ?? (Phone is { } phone ? PlaceholderEmail(phone, channel) : PhonelessPlaceholder!);

    public static string PlaceholderEmail(string e164, string channel) =>
        $"{e164.TrimStart('+')}@{channel}{PlaceholderDomainSuffix}";

    public static bool IsPlaceholder(string email) =>
        email.EndsWith(PlaceholderDomainSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The E.164 phone a placeholder email was made from, or null when it is not one.</summary>
    public static string? PhoneOfPlaceholder(string? email)
    {
        if (email is null || !IsPlaceholder(email))
            return null;
        var at = email.IndexOf('@');
        var digits = at > 0 ? email[..at] : "";
        return digits.Length > 0 && digits.All(char.IsAsciiDigit) ? "+" + digits : null;
    }

    /// <summary>Trimmed and lowercased when it looks like an email (one @, a dot after it); else null.</summary>
    public static string? NormaliseEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
            return null;
        var trimmed = email.Trim().ToLowerInvariant();
        var at = trimmed.IndexOf('@');
        var valid = at > 0 && at == trimmed.LastIndexOf('@') && trimmed.IndexOf('.', at) > at + 1
            && !trimmed.EndsWith('.') && !trimmed.Any(char.IsWhiteSpace);
        return valid ? trimmed : null;
    }
}
