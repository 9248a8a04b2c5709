using System.Globalization;
using PhoneNumbers;

namespace RichContact.Engine.Settings;

/// <summary>
/// The countries a website's default country may be: every region libphonenumber reads numbers of,
/// by ISO 3166 alpha-2 code, with its English name for the settings page's list.
/// </summary>
public static class Countries
{
    /// <summary>Codes and names, sorted by name.</summary>
    public static IReadOnlyList<(string Code, string Name)> All { get; } = PhoneNumberUtil.GetInstance().GetSupportedRegions()
        .Select(code => (Code: code, Name: NameOf(code)))
        .OrderBy(c => c.Name, StringComparer.InvariantCulture)
        .ToList();

    private static readonly HashSet<string> Codes = All.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);

    /// <summary>The code uppercased when it is a known country, else null.</summary>
    public static string? Normalise(string? code) =>
        code?.Trim().ToUpperInvariant() is { } upper && Codes.Contains(upper) ? upper : null;

    private static string NameOf(string code)
    {
        // Some regions libphonenumber knows (Ascension Island's AC, Kosovo's XK) are missing from the
        // platform's region data on some systems: their code stands for their name then.
        try { return new RegionInfo(code).EnglishName; }
        catch (ArgumentException) { return code; }
    }
}
