namespace RichContact.Engine.Settings;

public sealed record SettingsValidation(WebsiteSettings? Settings, IReadOnlyDictionary<string, SettingsError> Errors)
{
    public bool IsValid => Settings is not null;
}
