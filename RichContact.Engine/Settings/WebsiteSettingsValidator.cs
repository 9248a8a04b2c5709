using System.Text.RegularExpressions;

namespace RichContact.Engine.Settings;

/// <summary>
/// Normalises settings (trimmed, lowercased names) and refuses what Crisp would not accept as a
/// segment, with one message per offending field.
/// </summary>
internal static partial class WebsiteSettingsValidator
{
    public const int MaxSegments = 20;
    public const int MaxChannels = 50;
    public const int MaxNameLength = 40;

    [GeneratedRegex("^[a-z0-9_-]+$")]
    private static partial Regex NameAlphabet();

    /// <summary>Returns the normalised settings, or the errors keyed by field name (<c>Segments</c>, <c>Channels</c>).</summary>
    public static SettingsValidation Validate(WebsiteSettings settings)
    {
        var errors = new Dictionary<string, SettingsError>();
        var segments = Normalise(settings.Segments);
        var channels = Normalise(settings.Channels);

        if (string.IsNullOrWhiteSpace(settings.WebsiteId))
            errors[nameof(WebsiteSettings.WebsiteId)] = new(SettingsProblem.Required, "website id");
        if (CheckNames(segments, "segment", MaxSegments) is { } segmentError)
            errors[nameof(WebsiteSettings.Segments)] = segmentError;
        if (CheckNames(channels, "channel", MaxChannels) is { } channelError)
            errors[nameof(WebsiteSettings.Channels)] = channelError;

        var country = string.IsNullOrWhiteSpace(settings.DefaultCountry) ? null : Countries.Normalise(settings.DefaultCountry);
        if (country is null && !string.IsNullOrWhiteSpace(settings.DefaultCountry))
            errors[nameof(WebsiteSettings.DefaultCountry)] = new(SettingsProblem.UnknownCountry, "country", Shorten(settings.DefaultCountry.Trim()));
        if (Contacts.Exclusions.Normalise(settings.Exclusions, country, out var exclusions) is { } exclusionError)
            errors[nameof(WebsiteSettings.Exclusions)] = exclusionError;

        return errors.Count > 0
            ? new SettingsValidation(null, errors)
            : new SettingsValidation(settings with { Segments = segments, Channels = channels, DefaultCountry = country, Exclusions = exclusions }, errors);
    }

    /// <summary>Trims and lowercases one name the way it will be stored.</summary>
    public static string NormaliseName(string name) => name.Trim().ToLowerInvariant();

    private static string[] Normalise(IEnumerable<string>? names) =>
        (names ?? []).Select(n => NormaliseName(n ?? "")).ToArray();

    private static SettingsError? CheckNames(string[] names, string kind, int max)
    {
        if (names.Length > max)
            return new(SettingsProblem.TooMany, kind, Limit: max, Count: names.Length);
        foreach (var name in names)
        {
            if (name.Length == 0)
                return new(SettingsProblem.Empty, kind);
            if (name.Length > MaxNameLength)
                return new(SettingsProblem.TooLong, kind, Shorten(name), Limit: MaxNameLength);
            if (!NameAlphabet().IsMatch(name))
                return new(SettingsProblem.BadCharacters, kind, Shorten(name));
        }
        var duplicate = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? null : new(SettingsProblem.Duplicate, kind, duplicate.Key);
    }

    private static string Shorten(string name) => name.Length <= MaxNameLength ? name : name[..MaxNameLength] + "…";
}
