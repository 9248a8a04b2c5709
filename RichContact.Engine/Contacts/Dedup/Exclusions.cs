using RichContact.Engine.Settings;

namespace RichContact.Engine.Contacts;

/// <summary>
/// A website's exclusion list: phones and phone prefixes, emails and <c>@domains</c> that never get a
/// contact (staff, test numbers, spam). Entries are kept normalised the way dedup reads a conversation:
/// a phone or a prefix as <c>+</c> and digits (a prefix typed <c>00351 91 000</c> or <c>+351 91-000</c>
/// is <c>+35191000</c>), an email or a domain trimmed and lowercased.
/// </summary>
internal static class Exclusions
{
    public const int MaxEntries = 500;

    /// <summary>Longest line worth reading: an email is at most 254 characters.</summary>
    public const int MaxLineLength = 254;

    /// <summary>
    /// The entries of <paramref name="lines"/> (one per line, blank lines ignored, duplicates once),
    /// or the first line that is neither a phone, a prefix, an email nor an <c>@domain</c>, named by its
    /// number. A full number written without its country code is read in <paramref name="defaultCountry"/>.
    /// </summary>
    public static SettingsError? Normalise(IEnumerable<string?>? lines, string? defaultCountry, out string[] entries)
    {
        var normalised = new List<string>();
        var number = 0;
        foreach (var line in lines ?? [])
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            if (NormaliseEntry(line, defaultCountry) is not { } entry)
            {
                entries = [];
                var text = line.Trim();
                return new(SettingsProblem.NotAnExclusion, "exclusion", text.Length <= 40 ? text : text[..40] + "…", Count: number);
            }
            normalised.Add(entry);
        }
        entries = normalised.Distinct(StringComparer.Ordinal).ToArray();
        return entries.Length > MaxEntries
            ? new(SettingsProblem.TooMany, "exclusion", Limit: MaxEntries, Count: entries.Length)
            : null;
    }

    /// <summary>One line's entry: <c>+digits</c>, an email, or <c>@domain</c>; null when it is none of them.</summary>
    public static string? NormaliseEntry(string line, string? defaultCountry)
    {
        var text = line.Trim();
        if (text.Length is 0 or > MaxLineLength)
            return null;
        if (text.StartsWith('@'))
            return ContactIdentity.NormaliseEmail("x" + text) is { } domain ? domain[1..] : null;
        if (text.Contains('@'))
            return ContactIdentity.NormaliseEmail(text);
        if (!text.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '.' or '(' or ')' or '/'))
            return null;
        // A whole number, in any format dedup reads (a national one in the default country).
        if (Phones.ToE164(text, defaultCountry) is { } e164)
            return e164;
        // Else a prefix, which only makes sense with its country code.
        var compact = new string(text.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
        if (!Phones.IsInternational(compact) || compact.LastIndexOf('+') > 0)
            return null;
        var digits = compact.TrimStart('+');
        if (!compact.StartsWith('+'))
            digits = digits[2..];
        return digits.Length is >= 1 and <= 15 ? "+" + digits : null;
    }

    /// <summary>
    /// Whether the visitor is excluded: a phone entry starts any form the visitor's number takes
    /// (<see cref="Phones.Variants"/>), or the visitor's real email is an entry or in an entry's domain.
    /// </summary>
    public static bool Excludes(IReadOnlyCollection<string> entries, ContactIdentity identity)
    {
        if (entries.Count == 0)
            return false;
        var phones = identity.Phone is { } phone ? Phones.Variants(phone) : null;
        foreach (var entry in entries)
        {
            var excluded = entry[0] switch
            {
                '+' => phones is not null && phones.Any(p => p.StartsWith(entry, StringComparison.Ordinal)),
                '@' => identity.Email?.EndsWith(entry, StringComparison.Ordinal) == true,
                _ => identity.Email == entry,
            };
            if (excluded)
                return true;
        }
        return false;
    }
}
