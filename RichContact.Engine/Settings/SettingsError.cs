namespace RichContact.Engine.Settings;

/// <summary>
/// One field's problem: <paramref name="Kind"/> is what the field holds (<c>segment</c>, <c>channel</c>),
/// <paramref name="Name"/> the offending name, <paramref name="Limit"/> and <paramref name="Count"/> the numbers involved.
/// </summary>
public sealed record SettingsError(SettingsProblem Problem, string Kind, string? Name = null, int Limit = 0, int Count = 0)
{
    /// <summary>In English; the settings page words it in the dashboard's language.</summary>
    public string Message => Problem switch
    {
        SettingsProblem.Required => $"A {Kind} is required.",
        SettingsProblem.TooMany => $"At most {Limit} {Kind}s (got {Count}).",
        SettingsProblem.Empty => $"A {Kind} name cannot be empty.",
        SettingsProblem.TooLong => $"The {Kind} '{Name}' is longer than {Limit} characters.",
        SettingsProblem.BadCharacters => $"The {Kind} '{Name}' may use only letters, digits, '-' and '_'.",
        SettingsProblem.UnknownCountry => $"'{Name}' is not a country code Rich Contact knows.",
        SettingsProblem.NotAnExclusion => $"Line {Count}, '{Name}', is neither a phone number (or a prefix starting with + and its country code), an email nor an @domain.",
        _ => $"The {Kind} '{Name}' is listed twice.",
    };
}
