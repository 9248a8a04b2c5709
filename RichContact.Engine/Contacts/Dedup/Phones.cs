using PhoneNumbers;

namespace RichContact.Engine.Contacts;

/// <summary>
/// Phone numbers as people type them, turned into E.164 with libphonenumber, and the national
/// variants under which the same person shows up twice (docs/architecture.md, *Finding an existing contact*).
/// </summary>
internal static class Phones
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>"+" and at most 15 digits (ITU-T E.164).</summary>
    private const int MaxE164Length = 16;

    /// <summary>
    /// "+" and at least 7 digits: the shortest numbers in use (Niue: a 3-digit country
    /// code and 4 digits). Fewer is what is left of zeros read as a country code (<c>(004(907</c> → +4907).
    /// </summary>
    private const int MinE164Length = 8;

    /// <summary>
    /// The E.164 form of <paramref name="raw"/> when it is a valid number (or a known national variant
    /// of one). <paramref name="regionHint"/> (ISO 3166 alpha-2, e.g. the conversation's country)
    /// is used only when the number is not written internationally. Null when it is not a phone.
    /// </summary>
    public static string? ToE164(string? raw, string? regionHint) => Parse(raw, regionHint, requireValid: true);

    /// <summary>
    /// Like <see cref="ToE164"/> but accepts numbers that are merely possible: a profile's phone
    /// typed years ago in a format the numbering plan no longer uses still names the same person.
    /// </summary>
    public static string? ToE164Lenient(string? raw, string? regionHint) => Parse(raw, regionHint, requireValid: false);

    /// <summary>
    /// Every E.164 form the same subscriber can appear under: the number itself plus Brazil's mobile
    /// with and without the extra 9, Mexico's mobile with and without the 1 after +52, Argentina's
    /// mobile with and without the 9 after +54.
    /// </summary>
    public static IReadOnlySet<string> Variants(string e164)
    {
        var variants = new HashSet<string>(StringComparer.Ordinal) { e164 };
        var digits = e164.TrimStart('+');
        foreach (var plan in OptionalMobileDigits)
        {
            if (!digits.StartsWith(plan.CountryCode, StringComparison.Ordinal))
                continue;
            var national = digits[plan.CountryCode.Length..];
            var at = plan.Position;
            if (national.Length == 11 && national[at] == plan.Digit)
                variants.Add("+" + plan.CountryCode + national[..at] + national[(at + 1)..]);
            else if (national.Length == 10 && (plan.MobileStarts is null || plan.MobileStarts.Contains(national[at])))
                variants.Add("+" + plan.CountryCode + national[..at] + plan.Digit + national[at..]);
        }
        return variants;
    }

    /// <summary>
    /// Numbering plans whose mobiles are written with or without one extra digit: the country code,
    /// where the digit sits in the 11-digit national number, the digit, and (when landlines share
    /// the 10-digit length) the digits a mobile without it starts with.
    /// </summary>
    private static readonly (string CountryCode, int Position, char Digit, string? MobileStarts)[] OptionalMobileDigits =
    [
        ("55", 2, '9', "6789"), // Brazil: +55 AA 9XXXXXXXX <-> +55 AA XXXXXXXX (mobiles got a leading 9 in 2012–2016)
        ("52", 0, '1', null),   // Mexico: +52 1 XXXXXXXXXX <-> +52 XXXXXXXXXX (the 1 was dropped in 2019; WhatsApp still sends it)
        ("54", 0, '9', null),   // Argentina: +54 9 XXXXXXXXXX <-> +54 XXXXXXXXXX (the mobile 9 exists only in international form)
    ];

    /// <summary>One key for all variants of a number: the smallest of them, so locks and comparisons agree.</summary>
    public static string CanonicalKey(string e164) => Variants(e164).Min(StringComparer.Ordinal)!;

    /// <summary>The region (ISO 3166 alpha-2) an E.164 number belongs to, or null.</summary>
    public static string? RegionOf(string e164)
    {
        try
        {
            var region = Util.GetRegionCodeForNumber(Util.Parse(e164, "ZZ"));
            return region is null or "ZZ" ? null : region;
        }
        catch (NumberParseException) { return null; }
    }

    /// <summary>Written with its country code (<c>+</c> or the <c>00</c> international prefix): no region needed.</summary>
    public static bool IsInternational(string raw)
    {
        var text = raw.TrimStart();
        return text.StartsWith('+') || text.StartsWith("00", StringComparison.Ordinal);
    }

    private static string? Parse(string? raw, string? regionHint, bool requireValid)
    {
        // Names, emails and user handles are not phones, even when they contain digits.
        if (string.IsNullOrWhiteSpace(raw) || raw.Any(char.IsLetter) || raw.Contains('@'))
            return null;
        var text = raw.Trim();
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length < 6)
            return null;

        if (IsInternational(text))
            return TryFormat("+" + (text.StartsWith('+') ? digits : digits[2..]), null, requireValid);

        // National format: the region hint first; then the digits read as international, because
        // channels such as WhatsApp send 5511987654321 without its +.
        var region = regionHint is { Length: 2 } ? regionHint.ToUpperInvariant() : null;
        return (region is null ? null : TryFormat(text, region, requireValid))
            ?? TryFormat("+" + digits, null, requireValid);
    }

    private static string? TryFormat(string text, string? region, bool requireValid)
    {
        PhoneNumber number;
        try
        {
            number = Util.Parse(text, region ?? "ZZ");
            // Read back from its own E.164 form: libphonenumber can format a number it would read
            // differently (a trunk 0 kept after +55), and a phone must read as itself next time.
            number = Util.Parse(Util.Format(number, PhoneNumberFormat.E164), "ZZ");
        }
        catch (NumberParseException) { return null; }

        var e164 = Util.Format(number, PhoneNumberFormat.E164);
        // libphonenumber accepts longer and shorter "possible" numbers for some countries.
        if (e164.Length is > MaxE164Length or < MinE164Length)
            return null;
        if (Util.IsValidNumber(number))
            return e164;
        // A superseded national format (e.g. a Brazilian mobile without its 9) is the same person as the
        // valid variant: keep the valid one.
        foreach (var variant in Variants(e164))
        {
            if (variant != e164 && IsValidE164(variant))
                return variant;
        }
        return !requireValid && Util.IsPossibleNumber(number) ? e164 : null;
    }

    private static bool IsValidE164(string e164)
    {
        try { return Util.IsValidNumber(Util.Parse(e164, "ZZ")); }
        catch (NumberParseException) { return false; }
    }
}
