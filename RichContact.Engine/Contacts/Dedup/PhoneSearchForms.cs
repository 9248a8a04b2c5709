using PhoneNumbers;

namespace RichContact.Engine.Contacts;

/// <summary>
/// The text a <c>person.phone has</c> filter looks for, so that a phone typed by hand in any format
/// is among the candidates. What <c>has</c> means is unknown (docs/crisp.md): "contains" or "has these
/// whole words". Each form below finds the common ways of typing a number under both readings:
/// the last digits as the last group (<c>98765-4321</c>, <c>7911 123456</c>), the last digits in
/// pairs or threes (<c>06 12 34 56 78</c>, <c>+351 912 345 678</c>), and the whole number national
/// or international (<c>912345678</c>, <c>0612345678</c>, <c>351912345678</c>). Every candidate is
/// then compared digit for digit, so a broad form costs nothing but candidates.
/// </summary>
internal static class PhoneSearchForms
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly string[] Separators = [" ", "-", "."];

    /// <summary>Every form, for one search that finds most contacts in one call.</summary>
    public static IReadOnlyList<string> Broad(ContactIdentity identity) =>
        Forms(identity, shortestSuffix: 4).ToList();

    /// <summary>
    /// Only the forms of six digits or more, for when the broad search returns more candidates than
    /// can be read: a large CRM shares last four digits with many people, rarely the last six.
    /// </summary>
    public static IReadOnlyList<string> Narrow(ContactIdentity identity) =>
        Forms(identity, shortestSuffix: 6).ToList();

    private static IEnumerable<string> Forms(ContactIdentity identity, int shortestSuffix)
    {
        var forms = new List<string>();
        foreach (var e164 in Phones.Variants(identity.Phone!).Order(StringComparer.Ordinal))
        {
            var digits = e164.TrimStart('+');
            // The shortest valid numbers have 7 digits (Phones.MinE164Length).
            for (var length = shortestSuffix; length <= Math.Min(8, digits.Length); length++)
                forms.Add(digits[^length..]);
            if (shortestSuffix <= 4)
                forms.AddRange(Separators.Select(s => $"{digits[^4..^2]}{s}{digits[^2..]}"));
            forms.AddRange(Separators.Select(s => $"{digits[^6..^3]}{s}{digits[^3..]}"));
            forms.AddRange(Separators.Select(s => $"{digits[^6..^4]}{s}{digits[^4..^2]}{s}{digits[^2..]}"));
            forms.Add(digits);
            forms.AddRange(NationalForms(e164));
        }
        return forms.Distinct(StringComparer.Ordinal);
    }

    /// <summary>The number as typed within its country: with the trunk prefix (<c>0612345678</c>) and without.</summary>
    private static IEnumerable<string> NationalForms(string e164)
    {
        PhoneNumber number;
        try { number = Util.Parse(e164, "ZZ"); }
        catch (NumberParseException) { yield break; }
        yield return Util.GetNationalSignificantNumber(number);
        var national = new string(Util.Format(number, PhoneNumberFormat.NATIONAL).Where(char.IsAsciiDigit).ToArray());
        if (national.Length > 0)
            yield return national;
    }
}
